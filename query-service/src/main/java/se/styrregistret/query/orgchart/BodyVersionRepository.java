package se.styrregistret.query.orgchart;

import jakarta.persistence.QueryHint;
import org.hibernate.jpa.HibernateHints;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;

import java.time.LocalDate;
import java.util.List;

interface BodyVersionRepository extends JpaRepository<BodyVersion, Long> {

    /**
     * The active bodies' versions in force on {@code date} as the register knew it at {@code revision}:
     * {@code status = 'ACTIVE' and revision_from <= N and effective_from <= D and (revision_to is null
     * or revision_to > N or effective_to > D)}, written as two disjoint parts so each has an index
     * (V420): the versions whose revision interval contains N, and those superseded by N through a
     * change effective after D. Read-only: nothing loaded here is changed, so Hibernate keeps no copies.
     */
    @Query(nativeQuery = true, value = """
            select v.* from projection.body_version v
            where v.status = 'ACTIVE' and int8range(v.revision_from, v.revision_to) @> cast(:revision as bigint)
              and v.effective_from <= :date
            union all
            select v.* from projection.body_version v
            where v.status = 'ACTIVE' and v.revision_to is not null and v.revision_to <= :revision
              and v.effective_to > :date and v.revision_from <= :revision and v.effective_from <= :date
            """)
    @QueryHints(@QueryHint(name = HibernateHints.HINT_READ_ONLY, value = "true"))
    List<BodyVersion> findActiveAsOf(long revision, LocalDate date);

    List<BodyVersion> findByBodyIdOrderByRevisionFrom(String bodyId);

    List<BodyVersion> findByBodyIdInAndRevisionToIsNull(List<String> bodyIds);
}
