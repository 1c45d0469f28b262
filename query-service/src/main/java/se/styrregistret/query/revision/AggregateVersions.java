package se.styrregistret.query.revision;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Each aggregate's version (the sequence number of its last event) as a projection has read it: a
 * single-resource answer carries it as its ETag, the version the command-service's If-Match expects.
 * Written with the projection's rows, once per batch.
 */
@Component
public class AggregateVersions {

    private final JdbcTemplate jdbc;

    AggregateVersions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Call from an event handler with the event of an aggregate the projection answers for. */
    public void seen(EventMessage<?> message) {
        if (!(message instanceof DomainEventMessage<?> event) || event.getType() == null) return;
        Key key = new Key(event.getType(), event.getAggregateIdentifier());
        if (!CurrentUnitOfWork.isStarted()) {
            upsert(Map.of(key, event.getSequenceNumber()));
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get();
        Map<Key, Long> versions = batch.getOrComputeResource(AggregateVersions.class.getName(), k -> {
            Map<Key, Long> v = new HashMap<>();
            batch.onPrepareCommit(u -> upsert(v));
            return v;
        });
        versions.merge(key, event.getSequenceNumber(), Math::max);
    }

    /** The version of the aggregate as read so far, if any of its events has been. */
    public OptionalLong version(String aggregateType, String aggregateId) {
        List<Long> found = jdbc.queryForList(
                "select version from projection.aggregate_version where aggregate_type = ? and aggregate_id = ?",
                Long.class, aggregateType, aggregateId);
        return found.isEmpty() ? OptionalLong.empty() : OptionalLong.of(found.get(0));
    }

    private void upsert(Map<Key, Long> versions) {
        if (versions.isEmpty()) return;
        jdbc.batchUpdate("""
                        insert into projection.aggregate_version (aggregate_type, aggregate_id, version) values (?, ?, ?)
                        on conflict (aggregate_type, aggregate_id)
                        do update set version = greatest(aggregate_version.version, excluded.version)""",
                versions.entrySet().stream().map(e -> new Object[]{e.getKey().type(), e.getKey().id(), e.getValue()}).toList());
    }

    private record Key(String type, String id) {
    }
}
