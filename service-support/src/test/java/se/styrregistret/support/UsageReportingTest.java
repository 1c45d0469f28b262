package se.styrregistret.support;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UsageReportingTest {

    private String before;

    @BeforeEach
    void remember() {
        before = System.getProperty(UsageReporting.PROPERTY);
        System.clearProperty(UsageReporting.PROPERTY);
    }

    @AfterEach
    void restore() {
        if (before == null) System.clearProperty(UsageReporting.PROPERTY);
        else System.setProperty(UsageReporting.PROPERTY, before);
    }

    @Test
    void a_service_started_without_a_decision_reports_nothing() {
        UsageReporting.offUnlessDecided(null);

        assertThat(System.getProperty(UsageReporting.PROPERTY)).isEqualTo("true");
    }

    @Test
    void an_operator_who_set_the_property_keeps_it() {
        System.setProperty(UsageReporting.PROPERTY, "false");

        UsageReporting.offUnlessDecided(null);

        assertThat(System.getProperty(UsageReporting.PROPERTY)).isEqualTo("false");
    }

    @Test
    void an_operator_who_set_the_environment_variable_is_left_to_it() {
        UsageReporting.offUnlessDecided("false");

        assertThat(System.getProperty(UsageReporting.PROPERTY)).isNull();
    }
}
