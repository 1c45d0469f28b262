package se.styrregistret.query.config;

import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jpa.JpaTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.lang.management.ManagementFactory;

/**
 * Axon's JPA token store (tokens stay in PostgreSQL in every mode), with a claim owner that names
 * the instance. Axon's default owner is {@code pid@host}, the same for two instances in one JVM
 * (the standalone launcher, the scale-out test): both would then believe they hold every segment
 * and process every event twice. With the application name in front, each instance is its own owner.
 */
@Configuration(proxyBeanMethods = false)
class TokenStoreConfig {

    @Bean
    TokenStore tokenStore(Serializer serializer, EntityManagerProvider entityManagerProvider,
                          TokenStoreProperties properties, @Value("${spring.application.name}") String application) {
        return JpaTokenStore.builder()
                .entityManagerProvider(entityManagerProvider)
                .serializer(serializer)
                .claimTimeout(properties.getClaimTimeout())
                .nodeId(application + "@" + ManagementFactory.getRuntimeMXBean().getName())
                .build();
    }
}
