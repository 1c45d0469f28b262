package se.styrregistret.query.actionplan;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.Optional;

interface ActionPlanVersionRepository extends JpaRepository<ActionPlanVersion, Long> {

    @Query("select v from ActionPlanVersion v where v.planId = :planId and v.revisionTo is null")
    Optional<ActionPlanVersion> findCurrent(String planId);
}

interface ActionVersionRepository extends JpaRepository<ActionVersion, Long> {

    @Query("select v from ActionVersion v where v.planId = :planId and v.revisionTo is null order by v.actionId")
    List<ActionVersion> findCurrent(String planId);

    @Query("select v from ActionVersion v where v.planId = :planId and v.actionId = :actionId and v.revisionTo is null")
    Optional<ActionVersion> findCurrent(String planId, String actionId);
}

interface ActionProgressRepository extends JpaRepository<ActionProgress, Long> {

    @Query("select p from ActionProgress p where p.planId = :planId order by p.revision")
    List<ActionProgress> findByPlan(String planId);

    boolean existsByRevision(long revision);
}
