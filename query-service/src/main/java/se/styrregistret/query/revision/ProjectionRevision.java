package se.styrregistret.query.revision;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The last revision a projection applied; moves in the projection's own transaction. */
@Entity
@Table(schema = "projection", name = "projection_revision")
class ProjectionRevision {

    @Id
    private String projection;
    private long revision;

    protected ProjectionRevision() {
    }

    ProjectionRevision(String projection, long revision) {
        this.projection = projection;
        this.revision = revision;
    }

    void advanceTo(long revision) {
        this.revision = Math.max(this.revision, revision);
    }

    long revision() {
        return revision;
    }
}
