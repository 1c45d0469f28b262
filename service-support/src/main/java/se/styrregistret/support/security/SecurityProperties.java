package se.styrregistret.support.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * Who may do what. In the default profile users come from configuration (passwords from
 * environment variables, development defaults otherwise); in the {@code prod} profile from JWTs.
 *
 * @param users      local users (default profile)
 * @param rolesClaim the JWT claim that lists a user's roles (prod profile)
 * @param publicRead when true, the read side's organisation chart, timeline and district views need no login (query-service)
 */
@ConfigurationProperties("styrregistret.security")
public record SecurityProperties(List<User> users, String rolesClaim, boolean publicRead) {

    public SecurityProperties {
        users = users == null ? List.of() : List.copyOf(users);
        rolesClaim = rolesClaim == null ? "roles" : rolesClaim;
    }

    public record User(String name, String password, List<String> roles) {
    }
}
