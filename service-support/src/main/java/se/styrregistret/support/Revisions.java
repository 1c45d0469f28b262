package se.styrregistret.support;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;

/**
 * The register's one revision numbering, whatever stores the log. Revision N is the N-th position
 * of the log, counted from 1; 0 is the empty register. The two stores number their positions
 * differently, and this class maps each store's token to the revision:
 * <ul>
 *   <li>PostgreSQL (Axon's JPA storage engine, {@link GapAwareTrackingToken}): the global index,
 *       which starts at 1 (a rolled-back append, or a crash, can leave numbers unused there);</li>
 *   <li>Axon Server and Axon's in-memory engine ({@link GlobalSequenceTrackingToken}): the global
 *       index plus one, as those start at 0.</li>
 * </ul>
 * So the same commands sent to an empty register give their events the same revisions in both modes.
 */
public final class Revisions {

    private Revisions() {
    }

    /** The revision of the event a handler is given this token with. */
    public static long ofEvent(TrackingToken token) {
        TrackingToken base = token == null ? null : WrappedToken.unwrapUpperBound(token);
        if (base instanceof GapAwareTrackingToken gapAware) return gapAware.getIndex();
        if (base instanceof GlobalSequenceTrackingToken sequence) return sequence.getGlobalIndex() + 1;
        throw new IllegalStateException("event handled without a known tracking position: " + token);
    }

    /**
     * How far a processor holding this token has read: every revision up to the answer has been
     * handled. 0 for no token (nothing read yet).
     * <p>
     * A gap-aware token's gaps are numbers no event will ever have, so they do not hold the answer
     * back: the command-service appends to PostgreSQL one transaction at a time, in the order of the
     * global index (AppendsInCommitOrder), so once a position is visible every lower one is committed
     * or never will be. Such numbers come from an append rolled back, and from PostgreSQL itself,
     * whose sequence skips up to 32 numbers after a crash: counting only below the oldest gap kept a
     * projection that had no use for the events after one at the revision before it for good, and
     * every query with a later {@code minRevision} on it answered 503 (found by the standalone crash
     * test, CrashEndToEndTest).
     */
    public static long readUpTo(TrackingToken token) {
        if (token == null) return 0;
        TrackingToken base = WrappedToken.unwrapLowerBound(token);
        if (base == null) return 0;
        if (base instanceof GapAwareTrackingToken gapAware) return gapAware.getIndex();
        if (base instanceof GlobalSequenceTrackingToken sequence) return sequence.getGlobalIndex() + 1;
        throw new IllegalStateException("a tracking token of an unknown kind: " + token);
    }
}
