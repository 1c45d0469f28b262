package se.styrregistret.query.orgchart;

import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.correction.EntryCorrected;
import se.styrregistret.kernel.governance.FindFunctionTransfers;
import se.styrregistret.kernel.governance.FunctionTransferred;
import se.styrregistret.query.support.Http;
import se.styrregistret.query.support.QueryServiceTest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Corrections of function transfers (issue 18): the replacement takes the corrected row's place, an annulled row leaves. */
class FunctionTransferCorrectionTest extends QueryServiceTest {

    static final LocalDate EFFECTIVE = LocalDate.of(2021, 3, 2);
    static final DecisionReference KS = new DecisionReference(null, null, LocalDate.of(2021, 3, 1), "Kommunstyrelsen");

    @Autowired
    OrgChartQueries queries;

    final String function = "funktion-" + UUID.randomUUID();

    FunctionTransferred transfer(String from, String to, LocalDate effective) {
        return new FunctionTransferred(function, "Stadsdelssamordnare", from, to, effective, KS);
    }

    List<FunctionTransferView> transfers() {
        return queries.handle(new FindFunctionTransfers()).transfers().stream().filter(t -> t.functionId().equals(function)).toList();
    }

    @Test
    void a_corrected_transfer_is_replaced_and_an_annulled_one_leaves() {
        long first = append("OrganisationalFunction", function, transfer("Verksamhetsstöd och service", "Leanlink", EFFECTIVE));
        long second = append("OrganisationalFunction", function, transfer("Leanlink", "Kommunledningsförvaltningen",
                EFFECTIVE.plusYears(1)));
        append("OrganisationalFunction", function, new EntryCorrected(function, eventIdAt(first), first, "FunctionTransferred",
                false, "Fel datum", null));
        long replaced = append("OrganisationalFunction", function,
                transfer("Verksamhetsstöd och service", "Leanlink", EFFECTIVE.plusMonths(1)),
                MetaData.with("recordedBy", "test-registrar").and(EntryCorrected.CORRECTS, eventIdAt(first)));
        awaitProjection(OrgChartProjection.NAME, replaced);

        assertThat(transfers()).extracting(FunctionTransferView::revision).containsExactly(replaced, second);
        assertThat(transfers().get(0).effectiveDate()).isEqualTo(EFFECTIVE.plusMonths(1));

        long annulled = append("OrganisationalFunction", function, new EntryCorrected(function, eventIdAt(second), second,
                "FunctionTransferred", true, "Aldrig beslutad", null));
        awaitProjection(OrgChartProjection.NAME, annulled);

        assertThat(transfers()).extracting(FunctionTransferView::revision).containsExactly(replaced);
        var http = Http.get(port, "/api/function-transfers", "reader");
        assertThat(http.statusCode()).isEqualTo(200);
        assertThat(http.body()).contains(function).doesNotContain("Kommunledningsförvaltningen\",\"effectiveDate\":\"2022");
        assertThat(jdbc.queryForObject("select retracted_at from projection.function_transfer where revision = ?", Long.class, first))
                .isEqualTo(replaced);
    }
}
