-- The log is immutable: events are appended, never changed or removed. Corrections are new events.
CREATE FUNCTION axon.refuse_event_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'the event log is append-only: % on % is not allowed', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER domain_event_entry_append_only
    BEFORE UPDATE OR DELETE ON axon.domain_event_entry
    FOR EACH ROW EXECUTE FUNCTION axon.refuse_event_change();

CREATE TRIGGER domain_event_entry_no_truncate
    BEFORE TRUNCATE ON axon.domain_event_entry
    FOR EACH STATEMENT EXECUTE FUNCTION axon.refuse_event_change();
