package se.styrregistret.command.governance;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface BodyRegistryRepository extends JpaRepository<BodyRegistryEntry, String> {

    @Query("select count(e) > 0 from BodyRegistryEntry e where e.active and lower(e.name) = lower(:name)")
    boolean existsActiveByName(String name);

    @Query("select count(e) > 0 from BodyRegistryEntry e where e.active and lower(e.areaTeamDistrict) = lower(:district)")
    boolean existsActiveAreaTeamIn(String district);
}
