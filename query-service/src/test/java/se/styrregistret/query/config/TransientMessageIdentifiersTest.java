package se.styrregistret.query.config;

import org.axonframework.common.IdentifierFactory;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TransientMessageIdentifiersTest {

    @Test
    void axon_makes_the_query_services_message_identifiers_with_it() {
        assertThat(IdentifierFactory.getInstance()).isInstanceOf(TransientMessageIdentifiers.class);
    }

    @Test
    void they_are_distinct_version_4_uuids() {
        IdentifierFactory identifiers = new TransientMessageIdentifiers();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            UUID id = UUID.fromString(identifiers.generateIdentifier());
            assertThat(id.version()).isEqualTo(4);
            assertThat(id.variant()).isEqualTo(2);
            assertThat(seen.add(id.toString())).isTrue();
        }
    }
}
