package se.styrregistret.kernel.audit;

/** One page of the audit trail, in revision order. {@code page} counts from 0. */
public record FindAuditTrail(AuditFilter filter, int page, int size) {
    public static final int MAX_PAGE_SIZE = 500;
}
