package se.styrregistret.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The module rule: both services stand on shared-kernel (the only domain code they share) and on
 * service-support (no domain code), never on each other; shared-kernel knows no Spring.
 */
class ModuleBoundariesTest {

    static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("se.styrregistret");
    }

    @Test
    void the_command_service_does_not_depend_on_the_query_service() {
        noClasses().that().resideInAPackage("se.styrregistret.command..")
                .should().dependOnClassesThat().resideInAPackage("se.styrregistret.query..")
                .check(classes);
    }

    @Test
    void the_query_service_does_not_depend_on_the_command_service() {
        noClasses().that().resideInAPackage("se.styrregistret.query..")
                .should().dependOnClassesThat().resideInAPackage("se.styrregistret.command..")
                .check(classes);
    }

    @Test
    void the_shared_kernel_depends_on_no_spring_and_no_service() {
        noClasses().that().resideInAPackage("se.styrregistret.kernel..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "se.styrregistret.command..", "se.styrregistret.query..",
                        "jakarta.persistence..", "org.hibernate..")
                .check(classes);
    }

    @Test
    void service_support_holds_no_domain_code_and_knows_no_service() {
        noClasses().that().resideInAPackage("se.styrregistret.support..")
                .should().dependOnClassesThat().resideInAnyPackage("se.styrregistret.command..", "se.styrregistret.query..")
                .check(classes);
        // of the kernel, only how the log is written and read (both services must do it alike), no domain type
        noClasses().that().resideInAPackage("se.styrregistret.support..")
                .should().dependOnClassesThat(resideInAPackage("se.styrregistret.kernel..")
                        .and(not(name("se.styrregistret.kernel.common.EventSerialization")))
                        .and(not(resideInAPackage("se.styrregistret.kernel.schema.."))))
                .check(classes);
    }
}
