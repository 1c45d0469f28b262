package se.styrregistret.query.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import se.styrregistret.support.security.EndpointRules;

/**
 * The audit trail needs AUDITOR or REGISTRAR, administration ADMIN; the web interface's files are
 * open; the chart, timeline and district views need any login, or none when {@code public-read} is on
 * (the rest: service-support's ApiSecurity).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    EndpointRules queryEndpoints() {
        return (auth, properties) -> {
            auth.requestMatchers(HttpMethod.GET, "/", "/index.html", "/assets/**", "/favicon.ico").permitAll()
                    .requestMatchers("/api/audit-trail", "/api/audit-trail.csv", "/api/audit-trail/**").hasAnyRole("AUDITOR", "REGISTRAR", "ADMIN")
                    .requestMatchers("/api/admin/**").hasRole("ADMIN");
            if (properties.publicRead()) {
                auth.requestMatchers(HttpMethod.GET, "/api/**").permitAll();
            } else {
                auth.requestMatchers(HttpMethod.GET, "/api/**").authenticated();
            }
        };
    }
}
