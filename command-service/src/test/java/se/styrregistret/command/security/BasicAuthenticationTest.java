package se.styrregistret.command.security;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import se.styrregistret.command.support.CommandServiceTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configured users' passwords stay as configured: Spring Security must not "upgrade" them to
 * bcrypt at the first login, or every Basic-authenticated request afterwards pays a bcrypt round.
 */
class BasicAuthenticationTest extends CommandServiceTest {

    @Autowired
    UserDetailsService users;

    @Test
    void logging_in_twice_leaves_the_password_encoding_alone() {
        // given two authenticated requests (their bodies are invalid: only the login matters)
        assertThat(post("/api/governance-bodies", "{}", "registrar").statusCode()).isEqualTo(400);
        assertThat(post("/api/governance-bodies", "{}", "registrar").statusCode()).isEqualTo(400);

        // then the lookup cannot rewrite passwords, and the stored one is still the configured one
        assertThat(users).isNotInstanceOf(UserDetailsPasswordService.class);
        assertThat(users.loadUserByUsername("registrar").getPassword()).isEqualTo("{noop}registrar");
    }
}
