package se.styrregistret.query.config;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * How many query-service instances share the database, so each claims its fair share of a processor's
 * segments: ceil(segments / instances). Axon's pooled processor claims every unclaimed segment it may and
 * releases those above its share when the share shrinks, so a second instance starting takes half of the
 * first one's segments within a few seconds, and when one stops, the others take its segments back.
 * <p>
 * An instance counts itself by holding a PostgreSQL session advisory lock (one of {@link #SLOTS}) on a
 * connection of its own: the lock goes with the session, so an instance that crashes or loses the database
 * stops counting at once, with no table of heartbeats to keep or to expire. Only with several segments.
 */
@Component
public class QueryInstances implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(QueryInstances.class);

    /** The advisory locks' first key: "STYR", so no other use of advisory locks collides with them. */
    static final int LOCK_SPACE = 0x53545952;
    static final int SLOTS = 256;
    private static final long REFRESH_MILLIS = 2000;

    private final DataSource dataSource;
    private final boolean enabled;
    private final ScheduledExecutorService schedule;
    private Connection session;
    private volatile int instances = 1;

    QueryInstances(DataSource dataSource, @Value("${styrregistret.projections.segments:1}") int segments) {
        this.dataSource = dataSource;
        this.enabled = segments > 1;
        if (!enabled) {
            this.schedule = null;
            return;
        }
        this.schedule = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "query-instances");
            t.setDaemon(true);
            return t;
        });
        refresh(); // before the processors start, so the first claims already take the share
        schedule.scheduleWithFixedDelay(this::refresh, REFRESH_MILLIS, REFRESH_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The most segments of a processor with {@code segments} segments this instance should hold. */
    public int fairShare(int segments) {
        return Math.max(1, (segments + instances - 1) / instances);
    }

    /** The instances counted at the last refresh (this one included). */
    public int instances() {
        return instances;
    }

    private synchronized void refresh() {
        try {
            if (session == null || !session.isValid(1)) join();
            try (PreparedStatement count = session.prepareStatement("""
                    select count(*) from pg_locks where locktype = 'advisory' and granted and classid = ? and objsubid = 2
                      and database = (select oid from pg_database where datname = current_database())""")) {
                count.setInt(1, LOCK_SPACE);
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    int counted = Math.max(1, rs.getInt(1));
                    if (counted != instances) log.info("{} query-service instance(s) share the projections' segments", counted);
                    instances = counted;
                }
            }
        } catch (SQLException | RuntimeException e) {
            // keep the last count: the processors cannot reach the database either until it is back
            log.warn("Could not count the query-service instances: {}", e.toString());
            closeSession();
        }
    }

    /** Takes the first free slot on a session of this instance's own. */
    private void join() throws SQLException {
        closeSession();
        Connection c = dataSource.getConnection();
        try {
            c.setAutoCommit(true);
            for (int slot = 0; slot < SLOTS; slot++) {
                try (PreparedStatement lock = c.prepareStatement("select pg_try_advisory_lock(?, ?)")) {
                    lock.setInt(1, LOCK_SPACE);
                    lock.setInt(2, slot);
                    try (ResultSet rs = lock.executeQuery()) {
                        rs.next();
                        if (rs.getBoolean(1)) {
                            session = c;
                            return;
                        }
                    }
                }
            }
            throw new SQLException("all " + SLOTS + " query-service instance slots are taken");
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /**
     * Leaves: the lock is released and the connection closed, not handed back to the pool, where the
     * lock would stay with the session (a pool does not reset advisory locks).
     */
    private void closeSession() {
        if (session == null) return;
        Connection c = session;
        session = null;
        try (PreparedStatement unlock = c.prepareStatement("select pg_advisory_unlock_all()")) {
            unlock.execute();
        } catch (SQLException ignored) {
            // the session is gone, and its lock with it
        }
        try {
            if (dataSource.isWrapperFor(HikariDataSource.class)) {
                dataSource.unwrap(HikariDataSource.class).evictConnection(c);
            } else {
                c.close();
            }
        } catch (SQLException | RuntimeException ignored) {
            // closed already
        }
    }

    @Override
    public void destroy() {
        if (schedule != null) schedule.shutdownNow();
        synchronized (this) {
            closeSession();
        }
    }
}
