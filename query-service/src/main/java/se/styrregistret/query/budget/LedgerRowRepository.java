package se.styrregistret.query.budget;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface LedgerRowRepository extends JpaRepository<LedgerRow, Long> {

    List<LedgerRow> findByRevisionLessThanEqualOrderByRevisionAscEntryIndexAsc(long revision);

    List<LedgerRow> findByFiscalYearAndRevisionLessThanEqualOrderByRevisionAscEntryIndexAsc(int fiscalYear, long revision);
}
