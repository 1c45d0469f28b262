package se.styrregistret.command.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import se.styrregistret.support.security.EndpointRules;

/** Writing needs REGISTRAR; reading the API's own answers any role (the rest: service-support's ApiSecurity). */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    EndpointRules commandEndpoints() {
        return (auth, properties) -> auth
                .requestMatchers(HttpMethod.POST, "/api/**").hasRole("REGISTRAR")
                .requestMatchers(HttpMethod.GET, "/api/**").hasAnyRole("REGISTRAR", "AUDITOR", "ADMIN");
    }
}
