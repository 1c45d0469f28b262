package se.styrregistret.query.revision;

import se.styrregistret.support.web.InvalidInput;

/** An {@code asOfRevision} past what the projection has read is refused, never quietly answered at the head. */
public final class BeyondTheHead {

    private BeyondTheHead() {
    }

    /** @param answered the revision the answer reflects (the projection's head when asked beyond it) */
    public static <T> T check(Long asOfRevision, long answered, T answer) {
        if (asOfRevision != null && asOfRevision > answered) {
            throw new InvalidInput("asOfRevision", "registret har läst loggen till revision " + answered
                    + "; revision " + asOfRevision + " finns inte där ännu (vänta på den med minRevision)");
        }
        return answer;
    }
}
