package se.styrregistret.query.revision;

import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;

import java.util.OptionalLong;

/** Which revision each projection has reached: every read answer says the revision it reflects. */
@Component
public class ProjectionRevisions {

    private final ProjectionRevisionRepository repository;

    ProjectionRevisions(ProjectionRevisionRepository repository) {
        this.repository = repository;
    }

    /** The global log position of the event being handled, taken from the processor's token. */
    public static long revisionOf(TrackingToken token) {
        OptionalLong position = token == null ? OptionalLong.empty() : token.position();
        if (position.isEmpty()) {
            throw new IllegalStateException("event handled without a tracking position: " + token);
        }
        return position.getAsLong();
    }

    /** Call from an event handler: runs in the handler's transaction, with the rows it writes. */
    public void advance(String projection, long revision) {
        repository.upsert(projection, revision);
    }

    public long current(String projection) {
        return repository.findById(projection).map(ProjectionRevision::revision).orElse(0L);
    }
}
