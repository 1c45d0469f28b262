package se.styrregistret.query.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The read side's own rules (docs/architecture.md, "Read-side persistence"): one Jackson, and one
 * way to reach the projections' tables.
 */
class ReadSideRulesTest {

    /**
     * The classes whose bytes must match the log's: the audit log's leaf (canonical metadata) and
     * the archive. They write with the kernel's {@code EventSerialization}, which is Jackson 2
     * because Axon 4's serializer is.
     */
    static final String[] LOG_SERIALIZATION = {
            "se.styrregistret.query.audit.LoggedEvent",
            "se.styrregistret.query.audit.Archive"};

    static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("se.styrregistret.query");
    }

    /** A log-serialization class or one nested in it. */
    static final DescribedPredicate<JavaClass> LOG_SERIALIZATION_CLASS =
            DescribedPredicate.describe("the log's serialization (" + String.join(", ", LOG_SERIALIZATION) + ")",
                    c -> Arrays.stream(LOG_SERIALIZATION).anyMatch(n -> c.getName().equals(n) || c.getName().startsWith(n + "$")));

    @Test
    void only_the_log_serialization_uses_jackson_2_everything_else_uses_boots_jackson_3() {
        noClasses().that().resideInAPackage("se.styrregistret.query..").and(not(LOG_SERIALIZATION_CLASS))
                .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson.databind..",
                        "com.fasterxml.jackson.core..")
                .because("the log's bytes are Jackson 2's (Axon 4); everything else on the read side uses Spring Boot's "
                        + "JsonMapper (com.fasterxml.jackson.annotation is shared by both)")
                .check(classes);
    }

    @Test
    void the_projections_tables_are_reached_with_spring_jdbc_not_jpa() {
        // JPA stays in the service for Axon's own tables (token store, dead letters, event storage engine)
        noClasses().that().resideInAPackage("se.styrregistret.query..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "org.hibernate..",
                        "org.springframework.data.jpa..", "org.springframework.data.repository..")
                .because("projections write versioned rows set-based, per processor batch (ProjectionBatch)")
                .check(classes);
    }
}
