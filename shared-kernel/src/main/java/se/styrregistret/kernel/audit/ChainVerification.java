package se.styrregistret.kernel.audit;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Either {@code intact} up to {@code verifiedUpTo}, or broken at {@code firstMismatch}: the first
 * revision whose stored event no longer hashes to what was recorded when it was first read.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChainVerification(boolean intact, Long verifiedUpTo, Long firstMismatch, String detail) {
    public static ChainVerification intact(long upTo) {
        return new ChainVerification(true, upTo, null, null);
    }

    public static ChainVerification broken(long at, String detail) {
        return new ChainVerification(false, null, at, detail);
    }
}
