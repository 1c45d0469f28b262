package se.styrregistret.query.agreement;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface AgreementRepository extends JpaRepository<AgreementRow, String> {

    List<AgreementRow> findAllByOrderByEffectiveDateAscRevisionAsc();
}
