package se.styrregistret.query.revision;

import org.springframework.data.jpa.repository.JpaRepository;

interface ProjectionRevisionRepository extends JpaRepository<ProjectionRevision, String> {
}
