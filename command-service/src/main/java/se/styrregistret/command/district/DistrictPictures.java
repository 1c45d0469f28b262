package se.styrregistret.command.district;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.axonframework.messaging.annotation.MessageIdentifier;
import se.styrregistret.command.common.Corrections;
import se.styrregistret.command.common.Entries;
import se.styrregistret.kernel.correction.CorrectEntry;
import se.styrregistret.kernel.correction.EntryCorrected;

import se.styrregistret.command.common.RuleViolation;
import se.styrregistret.kernel.common.Text;
import se.styrregistret.kernel.district.DistrictPictureRecorded;
import se.styrregistret.kernel.district.PictureKind;
import se.styrregistret.kernel.district.RecordDistrictPicture;

import java.util.EnumMap;
import java.util.Map;

/**
 * A district's pictures (nulägesbild, målbild, handlingsplan), keyed by the district's proper
 * name. Every recorded text is a new version; none is overwritten.
 */
@Aggregate(commandTargetResolver = "versionedTargetResolver")
public class DistrictPictures {

    @AggregateIdentifier
    private String district;
    private final Map<PictureKind, Integer> versions = new EnumMap<>(PictureKind.class);
    private final Map<PictureKind, String> latest = new EnumMap<>(PictureKind.class);
    private final Entries entries = new Entries();

    protected DistrictPictures() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    int handle(RecordDistrictPicture cmd, DistrictLookup districts) {
        if (cmd.decision() == null) {
            throw RuleViolation.unprocessable("decision-required", "Varje ändring måste hänvisa till ett beslut");
        }
        if (cmd.effectiveDate() == null) {
            throw RuleViolation.unprocessable("effective-date-required", "Ett beslut måste ha ett datum då det gäller från");
        }
        if (!districts.canonical(cmd.district()).map(d -> d.equals(cmd.district())).orElse(false)) {
            throw RuleViolation.unprocessable("district-unknown",
                    "Okänd stadsdel " + cmd.district() + ": registrera den först (POST /api/districts)");
        }
        if (cmd.kind() == null) {
            throw RuleViolation.unprocessable("picture-kind-required", "Ange vilken bild som registreras");
        }
        String text = Text.blankToNull(cmd.text());
        if (text == null) {
            throw RuleViolation.unprocessable("picture-text-required", "En bild måste ha en text");
        }
        if (text.equals(latest.get(cmd.kind()))) {
            throw RuleViolation.conflict("picture-unchanged",
                    cmd.kind().displayName() + " för " + cmd.district() + " har redan just den texten");
        }
        int version = versions.getOrDefault(cmd.kind(), 0) + 1;
        apply(new DistrictPictureRecorded(cmd.district(), cmd.kind(), version, text, cmd.effectiveDate(), cmd.decision()));
        return version;
    }

    private static void apply(DistrictPictureRecorded event) {
        org.axonframework.modelling.command.AggregateLifecycle.apply(event);
    }


    // ---- corrections

    @CommandHandler(commandName = "se.styrregistret.kernel.correction.CorrectEntry@DistrictPictures")
    void handle(CorrectEntry cmd) {
        Corrections.requireCorrectable(cmd, entries.find(cmd.correctedEventId()), entries.corrected());
        Object original = entries.find(cmd.correctedEventId()).orElseThrow();
        if (cmd.replacement() instanceof DistrictPictureRecorded corrected && Text.blankToNull(corrected.text()) == null) {
            throw RuleViolation.unprocessable("picture-text-required", "En bild måste ha en text").at("changes.text");
        }
        Corrections.append(Corrections.recorded(cmd, district, original), cmd);
    }

    @EventSourcingHandler
    void on(EntryCorrected event) {
        entries.record(event);
        refold();
    }

    @EventSourcingHandler
    void on(DistrictPictureRecorded event, @MessageIdentifier String eventId) {
        entries.record(eventId, event);
        refold();
    }

    private void refold() {
        latest.clear();
        for (Object event : entries.events()) {
            if (event instanceof DistrictPictureRecorded e) {
                district = e.district();
                versions.merge(e.kind(), e.version(), Math::max);
                latest.put(e.kind(), e.text());
            }
        }
    }
}
