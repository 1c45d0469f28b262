package se.styrregistret.query.admin;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import se.styrregistret.query.revision.ProjectionRevisions;
import se.styrregistret.support.web.InvalidInput;
import se.styrregistret.query.web.NotFound;

import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;

/**
 * Projection administration (ADMIN): a projection's status, and a rebuild that stops its
 * processor, resets its tokens (the projection's reset handler clears its tables) and starts it
 * again, so it replays the whole log.
 */
@RestController
class ProjectionAdminController {

    private final EventProcessingConfiguration processing;
    private final ProjectionRevisions revisions;

    ProjectionAdminController(EventProcessingConfiguration processing, ProjectionRevisions revisions) {
        this.processing = processing;
        this.revisions = revisions;
    }

    /**
     * @param position the lowest log position any segment has reached (null before a segment is claimed)
     * @param revision the revision the projection's tables reflect
     * @param parked   sequences of events parked in its dead-letter queue (null: it has none), with the first one's error
     */
    record ProjectionStatus(String name, boolean running, boolean error, boolean replaying, boolean caughtUp,
                            Long position, long revision, List<Segment> segments, Long parked, String parkedError) {
    }

    record Segment(int segment, boolean caughtUp, boolean replaying, Long position, String error) {
    }

    @GetMapping("/api/admin/projections/{name}")
    ProjectionStatus status(@PathVariable String name) {
        return status(name, processor(name));
    }

    @PostMapping("/api/admin/projections/{name}/rebuild")
    ResponseEntity<ProjectionStatus> rebuild(@PathVariable String name) {
        StreamingEventProcessor processor = processor(name);
        if (!processor.supportsReset()) {
            throw new InvalidInput("name", "projektionen " + name + " kan inte byggas om");
        }
        processor.shutDown();
        try {
            processor.resetTokens();
        } finally {
            processor.start();
        }
        return ResponseEntity.accepted().body(status(name, processor));
    }

    private StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new NotFound("Det finns ingen projektion som heter " + name));
    }

    private ProjectionStatus status(String name, StreamingEventProcessor processor) {
        List<Segment> segments = processor.processingStatus().values().stream()
                .sorted(Comparator.comparingInt(s -> s.getSegment().getSegmentId()))
                .map(s -> new Segment(s.getSegment().getSegmentId(), s.isCaughtUp(), s.isReplaying(),
                        boxed(s.getCurrentPosition()), s.isErrorState() ? String.valueOf(s.getError()) : null))
                .toList();
        Long position = segments.stream().map(Segment::position).filter(p -> p != null).min(Long::compare).orElse(null);
        boolean caughtUp = !segments.isEmpty() && segments.stream().allMatch(Segment::caughtUp);
        Long parked = processing.deadLetterQueue(name).map(q -> q.amountOfSequences()).orElse(null);
        String[] parkedError = {null};
        if (parked != null && parked > 0) {
            processing.deadLetterQueue(name).ifPresent(q -> q.deadLetters().forEach(sequence -> sequence.forEach(letter ->
                    letter.cause().ifPresent(cause -> {
                        if (parkedError[0] == null) parkedError[0] = cause.type() + ": " + cause.message();
                    }))));
        }
        return new ProjectionStatus(name, processor.isRunning(), processor.isError(), processor.isReplaying(),
                caughtUp, position, revisions.current(name), segments, parked, parkedError[0]);
    }

    private static Long boxed(OptionalLong value) {
        return value.isPresent() ? value.getAsLong() : null;
    }

}
