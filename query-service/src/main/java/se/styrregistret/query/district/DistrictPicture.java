package se.styrregistret.query.district;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.district.DistrictPictureRecorded;
import se.styrregistret.kernel.district.PictureKind;

import java.time.Instant;
import java.time.LocalDate;

/** One version of one of a district's pictures; the open row (revision_to null) is the latest. */
@Entity
@Table(schema = "projection", name = "district_picture")
class DistrictPicture {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String district;
    @Enumerated(EnumType.STRING)
    private PictureKind kind;
    private int version;
    private String text;
    private long revisionFrom;
    private Long revisionTo;
    private LocalDate effectiveFrom;
    private LocalDate effectiveTo;
    private Instant recordedAt;
    private String decisionCase;
    private String decisionParagraph;
    private LocalDate decisionDate;
    private String decidedBy;

    protected DistrictPicture() {
    }

    static DistrictPicture recorded(DistrictPictureRecorded e, long revision, Instant recordedAt) {
        DistrictPicture p = new DistrictPicture();
        p.district = e.district();
        p.kind = e.kind();
        p.version = e.version();
        p.text = e.text();
        p.revisionFrom = revision;
        p.effectiveFrom = e.effectiveDate();
        p.recordedAt = recordedAt;
        p.decisionCase = e.decision().caseNumber();
        p.decisionParagraph = e.decision().paragraph();
        p.decisionDate = e.decision().decisionDate();
        p.decidedBy = e.decision().decidedBy();
        return p;
    }

    void supersede(long revision, LocalDate effectiveDate) {
        this.revisionTo = revision;
        this.effectiveTo = effectiveDate;
    }

    PictureKind kind() {
        return kind;
    }

    DistrictView.PictureEntry toEntry() {
        return new DistrictView.PictureEntry(kind, kind.displayName(), version, text, effectiveFrom,
                new DecisionReference(decisionCase, decisionParagraph, decisionDate, decidedBy), revisionFrom);
    }

    long revisionFrom() {
        return revisionFrom;
    }
}
