package se.styrregistret.query.orgchart;

import se.styrregistret.kernel.governance.FindFunctionTransfers;

import java.util.List;

/**
 * The answer to {@link FindFunctionTransfers}: a record, not a bare list, so it keeps its element
 * type when Axon Server carries it between services (a generic list arrives as untyped maps).
 */
public record FunctionTransfers(List<FunctionTransferView> transfers) {
}
