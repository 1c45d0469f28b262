package se.styrregistret.query.agreement;

import java.util.List;

/** @param revision the revision the answer reflects */
public record Agreements(long revision, List<AgreementView> agreements) {
}
