package se.styrregistret.query.district;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.styrregistret.kernel.correction.EntryCorrected;
import se.styrregistret.kernel.district.DistrictPictureRecorded;
import se.styrregistret.kernel.district.FindDistrict;
import se.styrregistret.kernel.district.FindDistricts;
import se.styrregistret.kernel.district.DistrictRegistered;
import se.styrregistret.kernel.district.PriorityDistrictDesignated;
import se.styrregistret.kernel.district.PictureKind;
import se.styrregistret.query.revision.AggregateVersions;
import se.styrregistret.query.revision.AsOf;
import se.styrregistret.query.revision.AsOfResolver;
import se.styrregistret.query.revision.ProjectionRevisions;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

import static se.styrregistret.query.revision.ProjectionRevisions.revisionOf;

/**
 * Keeps every version of the districts' pictures, and answers the district reporting view by
 * combining them with the org chart's and the action plans' current rows (read-only).
 */
@Component
@ProcessingGroup(DistrictProjection.NAME)
class DistrictProjection {

    static final String NAME = "districts";
    /** The read models the district view draws on, by projection name. */
    static final List<String> SOURCES = List.of("orgchart", "actionplans", "ledger", NAME);

    private final DistrictPictures pictures;
    private final DistrictReadModels readModels;
    private final ProjectionRevisions revisions;
    private final AsOfResolver asOfResolver;
    private final AggregateVersions versions;
    private final RegisteredDistricts registered;

    DistrictProjection(JdbcClient db, DistrictReadModels readModels, ProjectionRevisions revisions,
                       AsOfResolver asOfResolver,
                       AggregateVersions versions, RegisteredDistricts registered) {
        this.versions = versions;
        this.registered = registered;
        this.asOfResolver = asOfResolver;
        this.pictures = new DistrictPictures(db);
        this.readModels = readModels;
        this.revisions = revisions;
    }

    @EventHandler
    void on(DistrictPictureRecorded event, EventMessage<?> message, TrackingToken token, @Timestamp Instant recordedAt,
            @MessageIdentifier String eventId, @MetaDataValue(EntryCorrected.CORRECTS) String corrects) {
        long revision = revisionOf(token);
        // applied already: a batch whose commit answer was lost (the database went away) comes again
        versions.seen(message);
        if (pictures.has(eventId)) return;
        pictures.record(event, eventId, revision, recordedAt, corrects);
        revisions.advance(NAME, revision);
    }

    /** A district registered: it has a district view from this revision. */
    @EventHandler
    void on(DistrictRegistered event, EventMessage<?> message, TrackingToken token) {
        long revision = revisionOf(token);
        versions.seen(message);
        registered.registered(event, revision);
        revisions.advance(NAME, revision);
    }

    @EventHandler
    void on(PriorityDistrictDesignated event, EventMessage<?> message, TrackingToken token) {
        long revision = revisionOf(token);
        versions.seen(message);
        registered.designated(event, revision);
        revisions.advance(NAME, revision);
    }

    /**
     * An annulled picture no longer counts from the annulment's revision; an annulled designation neither (a
     * corrected registration or designation is replaced by the event that follows, which opens the next version).
     */
    @EventHandler
    void on(EntryCorrected event, EventMessage<?> message, TrackingToken token) {
        long revision = revisionOf(token);
        if (message instanceof DomainEventMessage<?> domain
                && ("DistrictPictures".equals(domain.getType()) || "District".equals(domain.getType()))) {
            versions.seen(message);
        }
        if (event.annulled() && "PriorityDistrictDesignated".equals(event.correctedType())) {
            registered.designationAnnulled(event.aggregateId().substring(event.aggregateId().indexOf(':') + 1), revision);
        } else if (event.annulled()) {
            pictures.retract(event.correctedEventId(), revision);
        }
        revisions.advance(NAME, revision);
    }

    /** The district's pictures' version (their aggregate's), the ETag a picture command's If-Match names. */
    private Long picturesVersion(String district) {
        OptionalLong version = versions.version("DistrictPictures", district);
        return version.isPresent() ? version.getAsLong() : null;
    }

    @ResetHandler
    void reset() {
        pictures.deleteAll();
        registered.deleteAll();
    }

    /** The registered districts as of a revision (or the latest read), priority designation included. */
    @QueryHandler
    DistrictList handle(FindDistricts query) {
        long head = revisions.current(NAME);
        AsOf asOf = asOfResolver.resolve(query.asOfRevision(), null, head);
        return new DistrictList(asOf.revision(), registered.asOf(asOf.revision()));
    }

    @QueryHandler
    DistrictView handle(FindDistrict query) {
        String district = query.district();
        Map<String, Long> reached = new LinkedHashMap<>();
        SOURCES.forEach(s -> reached.put(s, revisions.current(s)));
        // the lowest: every source has read the log that far, so the view is the state at one revision
        // (with the highest, a source still behind it would be answered as if it had read it)
        long head = reached.values().stream().mapToLong(Long::longValue).min().orElse(0);
        AsOf asOf = asOfResolver.resolve(query.asOfRevision(), query.asOfDate(), head);
        long revision = asOf.revision();

        List<DistrictView.BodyEntry> bodies = readModels.activeBodiesIn(district, asOf);
        DistrictView.BodyEntry areaTeam = readModels.activeAreaTeamIn(district, asOf)
                .flatMap(id -> bodies.stream().filter(b -> b.id().equals(id)).findFirst())
                .orElse(null);
        List<DistrictView.PictureEntry> latest = pictures.inForce(district, asOf.revision(), asOf.date());
        Set<PictureKind> recorded = latest.stream().map(DistrictView.PictureEntry::kind).collect(Collectors.toSet());
        List<PictureKind> missing = Arrays.stream(PictureKind.values()).filter(k -> !recorded.contains(k)).toList();

        List<YearlyAllocation> own = readModels.allocationsTo(district, readModels.areaTeamsOf(district, asOf), asOf);
        List<DistrictView.SharedAllocation> shared = readModels.sharedWith(district, asOf);
        return new DistrictView(district, revision, reached, bodies, areaTeam, readModels.actionsTouching(district, asOf),
                own, shared, moneyNote(district, own, shared), latest, missing, picturesVersion(district));
    }

    /** The district's money in one sentence: its own, shared with other districts' teams, or none recorded. */
    static String moneyNote(String district, List<YearlyAllocation> own, List<DistrictView.SharedAllocation> shared) {
        if (own.isEmpty() && shared.isEmpty()) return "Registret har inga pengar registrerade för " + district + ".";
        StringBuilder sb = new StringBuilder();
        if (!own.isEmpty()) {
            sb.append("Till ").append(district).append(": ").append(String.join(", ", own.stream()
                    .map(y -> se.styrregistret.kernel.budget.Amounts.tkr(y.amountSek()) + " (" + y.year() + ")").toList())).append('.');
        } else {
            sb.append("Inga pengar är registrerade för enbart ").append(district).append('.');
        }
        java.util.Map<String, Long> byYearAndPurpose = new java.util.LinkedHashMap<>();
        java.util.Map<String, DistrictView.SharedAllocation> first = new java.util.LinkedHashMap<>();
        for (DistrictView.SharedAllocation x : shared) {
            String key = x.year() + "|" + x.purpose();
            byYearAndPurpose.merge(key, x.amountSek(), Long::sum);
            first.putIfAbsent(key, x);
        }
        byYearAndPurpose.forEach((key, sum) -> {
            DistrictView.SharedAllocation x = first.get(key);
            sb.append(' ').append(se.styrregistret.kernel.budget.Amounts.tkr(sum)).append(' ').append(x.year())
                    .append(x.purpose() == null ? "" : " för «" + x.purpose() + "»")
                    .append(" (gemensamt för ").append(DistrictReadModels.joinSwedish(x.districts()))
                    .append("; källan anger ingen fördelning per stadsdel).");
        });
        return sb.toString();
    }

    /**
     * Events this projection does not use still move its token, so its answers report how far it has
     * read the log (see ProjectionRevisions). Without a handler for them, Axon Server would not send
     * them at all and the token would stop at the last event the projection uses.
     * The payload type is named on the annotation and not taken as a parameter, so such an event is never
     * deserialised (each processor reads the whole log: deserialising what it does not use was a cost of
     * every catch-up).
     */
    @EventHandler(payloadType = Object.class)
    void unused() {
        // nothing to project
    }
}
