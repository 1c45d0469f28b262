package se.styrregistret.query.audit;

/** One row of {@code axon.domain_event_entry} exactly as stored: the bytes the hash chain covers. */
record StoredEvent(long globalIndex, String eventIdentifier, String aggregateIdentifier, long sequenceNumber,
                   String payloadType, String timeStamp, byte[] payload, byte[] metaData) {

    static final String COLUMNS = """
            global_index, event_identifier, aggregate_identifier, sequence_number, payload_type, time_stamp,
            payload, meta_data""";

    static StoredEvent read(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new StoredEvent(rs.getLong("global_index"), rs.getString("event_identifier"),
                rs.getString("aggregate_identifier"), rs.getLong("sequence_number"), rs.getString("payload_type"),
                rs.getString("time_stamp"), rs.getBytes("payload"), rs.getBytes("meta_data"));
    }
}
