package se.styrregistret.command.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpServer;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import se.styrregistret.command.CommandServiceApplication;
import se.styrregistret.command.support.TestPostgres;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.InetSocketAddress;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code prod} profile: bearer JWTs from the configured issuer, roles from the configured
 * claim; configuration users are off. The identity provider is a local stand-in that publishes an
 * OpenID discovery document and its signing key, the way a real one does, on a loopback port.
 */
class JwtProductionProfileTest {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static String issuer;
    static HttpServer identityProvider;
    static KeyPair keys;
    static ConfigurableApplicationContext service;
    static int port;

    @BeforeAll
    static void start() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        identityProvider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        issuer = "http://127.0.0.1:" + identityProvider.getAddress().getPort();
        String jwks = new JWKSet(new RSAKey.Builder((RSAPublicKey) keys.getPublic()).keyID("k1").build()).toString();
        String discovery = """
                {"issuer":"%s","jwks_uri":"%s/jwks","subject_types_supported":["public"],
                 "id_token_signing_alg_values_supported":["RS256"],"response_types_supported":["code"]}"""
                .formatted(issuer, issuer);
        serve("/.well-known/openid-configuration", discovery);
        serve("/jwks", jwks);
        identityProvider.start();
        service = CommandServiceApplication.builder().run(
                "--spring.profiles.active=prod", "--server.port=0",
                "--spring.datasource.url=" + TestPostgres.jdbcUrl(), "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer,
                "--styrregistret.security.roles-claim=styrregistret_roles");
        port = ((WebServerApplicationContext) service).getWebServer().getPort();
    }

    static void serve(String path, String json) {
        identityProvider.createContext(path, exchange -> {
            byte[] body = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
    }

    @AfterAll
    static void stop() {
        service.close();
        identityProvider.stop(0);
    }

    static String token(String subject, List<String> roles, Instant expires) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject).issuer(issuer)
                .issueTime(new Date()).expirationTime(Date.from(expires))
                .claim("styrregistret_roles", roles).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(), claims);
        jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
        return jwt.serialize();
    }

    static HttpResponse<String> post(String authorization, String name) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/governance-bodies"))
                .header("Content-Type", "application/json");
        if (authorization != null) request.header("Authorization", authorization);
        return HTTP.send(request.POST(HttpRequest.BodyPublishers.ofString("""
                {"name":"%s","level":"ADVISORY","scope":{"kind":"MUNICIPALITY"},"effectiveDate":"2020-01-20",
                 "decision":{"caseNumber":"KS 2019-1003","decisionDate":"2020-01-20","decidedBy":"Kommunstyrelsen"}}"""
                .formatted(name))).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_registrar_token_writes_and_the_event_records_its_subject() throws Exception {
        var response = post("Bearer " + token("anna.registrator", List.of("REGISTRAR"), Instant.now().plusSeconds(300)),
                "JWT-råd " + UUID.randomUUID());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        String id = response.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        String metaData = new JdbcTemplate(service.getBean(javax.sql.DataSource.class)).queryForObject(
                "select convert_from(meta_data, 'UTF8') from axon.domain_event_entry where aggregate_identifier = ?",
                String.class, id);
        assertThat(metaData).contains("\"recordedBy\":\"anna.registrator\"");
    }

    @Test
    void without_the_role_or_with_a_bad_token_nothing_is_written() throws Exception {
        assertThat(post("Bearer " + token("lars.lasare", List.of("AUDITOR"), Instant.now().plusSeconds(300)), "A").statusCode())
                .isEqualTo(403);
        assertThat(post("Bearer " + token("anna", List.of("REGISTRAR"), Instant.now().minusSeconds(600)), "B").statusCode())
                .isEqualTo(401);
        assertThat(post(null, "C").statusCode()).isEqualTo(401);
        assertThat(post("Basic " + Base64.getEncoder().encodeToString("registrar:registrar".getBytes()), "D").statusCode())
                .as("configuration users are off in prod").isEqualTo(401);
    }
}
