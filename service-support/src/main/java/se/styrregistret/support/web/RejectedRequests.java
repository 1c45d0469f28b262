package se.styrregistret.support.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import java.nio.charset.StandardCharsets;

/**
 * A request Spring Security's firewall refuses before it reaches any controller (a path with
 * {@code ;}, an encoded slash, a control character...) answers 400 with a Swedish problem body like
 * every other error, not with the framework's default error document.
 */
@AutoConfiguration
@ConditionalOnClass(RequestRejectedHandler.class)
public class RejectedRequests {

    @Bean
    RequestRejectedHandler problemForRejectedRequests() {
        return (request, response, rejected) -> {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write("""
                    {"type":"urn:styrregistret:problem:rejected-request","title":"Ogiltig begäran","status":400,\
                    "detail":"Adressen innehåller tecken eller delar som inte är tillåtna (t.ex. ; eller kodade snedstreck)",\
                    "field":"path"}""");
        };
    }
}
