package se.styrregistret.query.revision;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ProjectionRevisionRepository extends JpaRepository<ProjectionRevision, String> {

    /**
     * Moves a projection's revision forward, creating its row on first use, in one statement: two
     * segments of a pooled processor may both handle a projection's first events at once, and a
     * read-then-insert would let one of them fail on the primary key.
     */
    @Modifying
    @Query(value = """
            insert into projection.projection_revision (projection, revision) values (:projection, :revision)
            on conflict (projection) do update set revision = greatest(projection_revision.revision, excluded.revision)
            """, nativeQuery = true)
    void upsert(String projection, long revision);
}
