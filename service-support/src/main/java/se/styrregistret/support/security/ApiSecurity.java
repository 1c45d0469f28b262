package se.styrregistret.support.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import se.styrregistret.support.web.ProblemResponses;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's security, the same in both services: stateless (no cookies, so no CSRF tokens), HTTP
 * Basic against the configured users, or bearer JWTs in the {@code prod} profile; the API
 * description and the health probes open (status only), metrics and build info for ADMIN; 401/403
 * as problem bodies; a Content-Security-Policy. Each service names its own endpoints' roles in an
 * {@link EndpointRules} bean; anything no rule names is denied.
 */
// before Boot's own web security: its default chain, its management chain and its generated user all
// back off when they see this chain and these users
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration"})
@ConditionalOnBean(EndpointRules.class)
@EnableConfigurationProperties(SecurityProperties.class)
public class ApiSecurity {

    private static final Logger log = LoggerFactory.getLogger(ApiSecurity.class);

    @Bean
    SecurityFilterChain api(HttpSecurity http, Environment environment, SecurityProperties properties, JsonMapper json,
                            EndpointRules rules) throws Exception {
        ProblemResponses problems = new ProblemResponses(json);
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/error").permitAll()
                            // probes are open (status only; details need ADMIN), metrics and build info need ADMIN
                            .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                            .requestMatchers(HttpMethod.GET, "/actuator/prometheus", "/actuator/info").hasRole("ADMIN");
                    rules.apply(auth, properties);
                    auth.anyRequest().denyAll();
                })
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'")));
        if (environment.acceptsProfiles(Profiles.of("prod"))) {
            JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
            roles.setAuthoritiesClaimName(properties.rolesClaim());
            roles.setAuthorityPrefix("ROLE_");
            JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
            converter.setJwtGrantedAuthoritiesConverter(roles);
            http.oauth2ResourceServer(o -> o.jwt(jwt -> jwt.jwtAuthenticationConverter(converter))
                    .authenticationEntryPoint(problems).accessDeniedHandler(problems));
        } else {
            http.httpBasic(basic -> basic.authenticationEntryPoint(problems));
        }
        return http.build();
    }

    /**
     * Logins and access decisions are observed (timers and traces, failures tagged: what a watch on the API needs);
     * the filter chain is not. Observing it wraps each of the chain's filters in an observation with counters before
     * and after: about a tenth of a request's CPU in the profiles of both services, for thirty counters nobody reads.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.withDefaults()
                .shouldObserveRequests(false).shouldObserveAuthentications(true).shouldObserveAuthorizations(true)
                .build();
    }

    @Bean
    UserDetailsService users(SecurityProperties properties) {
        InMemoryUserDetailsManager manager = new InMemoryUserDetailsManager();
        for (SecurityProperties.User user : properties.users()) {
            if (user.password() == null || user.password().isBlank()) {
                log.warn("User {} has no password and cannot log in", user.name());
                continue;
            }
            // {noop}: the secret already comes in clear from the environment; hashing it in memory
            // would add a bcrypt round to every Basic-authenticated request and protect nothing
            manager.createUser(User.withUsername(user.name()).password("{noop}" + user.password())
                    .roles(user.roles().toArray(String[]::new)).build());
        }
        // only the lookup, not the manager itself: the manager is also a UserDetailsPasswordService, and
        // Spring Security would then "upgrade" each {noop} password to bcrypt at its first login, after
        // which every Basic-authenticated request pays a bcrypt round (~80 ms on two cores)
        return manager::loadUserByUsername;
    }
}
