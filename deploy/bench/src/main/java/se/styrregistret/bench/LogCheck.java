package se.styrregistret.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** Every accepted command in the log, once: how many were accepted, how many are missing, how many are there twice. */
record LogCheck(int accepted, int missing, int duplicated) {

    static LogCheck of(BenchDatabase db, List<CommandClient.Accepted> accepted) throws SQLException {
        int missing = 0;
        int duplicated = 0;
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("""
                select count(*) from axon.domain_event_entry
                where aggregate_identifier = ? and payload_type = ? and position(? in convert_from(payload, 'UTF8')) > 0""")) {
            for (CommandClient.Accepted a : accepted) {
                ps.setString(1, a.aggregateId());
                ps.setString(2, a.eventType());
                ps.setString(3, a.marker());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    long n = rs.getLong(1);
                    if (n == 0) missing++;
                    if (n > 1) duplicated++;
                }
            }
        }
        return new LogCheck(accepted.size(), missing, duplicated);
    }

    boolean passed() {
        return missing == 0 && duplicated == 0;
    }

    @Override
    public String toString() {
        return "%d accepted, %d missing from the log, %d more than once".formatted(accepted, missing, duplicated);
    }
}
