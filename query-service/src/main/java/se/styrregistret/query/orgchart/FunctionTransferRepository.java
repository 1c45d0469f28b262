package se.styrregistret.query.orgchart;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface FunctionTransferRepository extends JpaRepository<FunctionTransfer, Long> {

    List<FunctionTransfer> findByRevisionLessThanEqualOrderByEffectiveDateAscRevisionAsc(long revision);
}
