package se.styrregistret.query.agreement;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import se.styrregistret.kernel.agreement.FindAgreements;

@RestController
class AgreementController {

    private final QueryGateway queries;

    AgreementController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/api/agreements")
    Agreements agreements() {
        return queries.query(new FindAgreements(), ResponseTypes.instanceOf(Agreements.class)).join();
    }
}
