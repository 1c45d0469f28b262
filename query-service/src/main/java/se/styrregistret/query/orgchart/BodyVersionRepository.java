package se.styrregistret.query.orgchart;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;

interface BodyVersionRepository extends JpaRepository<BodyVersion, Long> {

    @Query("select v from BodyVersion v where v.revisionTo is null")
    List<BodyVersion> findCurrent();

    @Query("""
            select v from BodyVersion v
            where v.revisionFrom <= :revision and (v.revisionTo is null or v.revisionTo > :revision)
            """)
    List<BodyVersion> findAsOfRevision(long revision);
}
