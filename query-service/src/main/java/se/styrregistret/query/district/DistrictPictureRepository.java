package se.styrregistret.query.district;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import se.styrregistret.kernel.district.PictureKind;

import java.util.List;
import java.util.Optional;

interface DistrictPictureRepository extends JpaRepository<DistrictPicture, Long> {

    @Query("select p from DistrictPicture p where p.district = :district and p.kind = :kind and p.revisionTo is null")
    Optional<DistrictPicture> findLatest(String district, PictureKind kind);

    @Query("""
            select p from DistrictPicture p where p.district = :district
              and p.revisionFrom <= :revision and p.effectiveFrom <= :date
              and (p.revisionTo is null or p.revisionTo > :revision or p.effectiveTo > :date)
            order by p.kind""")
    List<DistrictPicture> findInForce(String district, long revision, java.time.LocalDate date);
}
