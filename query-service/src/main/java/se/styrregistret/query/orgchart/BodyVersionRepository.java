package se.styrregistret.query.orgchart;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

interface BodyVersionRepository extends JpaRepository<BodyVersion, Long> {

    @Query("select v from BodyVersion v where v.bodyId = :bodyId and v.revisionTo is null")
    Optional<BodyVersion> findCurrent(String bodyId);

    /** Every body's version in force on {@code date} as the register knew it at {@code revision}. */
    @Query("""
            select v from BodyVersion v
            where v.revisionFrom <= :revision and v.effectiveFrom <= :date
              and (v.revisionTo is null or v.revisionTo > :revision or v.effectiveTo > :date)
            """)
    List<BodyVersion> findAsOf(long revision, LocalDate date);

    List<BodyVersion> findByBodyIdOrderByRevisionFrom(String bodyId);

    List<BodyVersion> findByBodyIdInAndRevisionToIsNull(List<String> bodyIds);
}
