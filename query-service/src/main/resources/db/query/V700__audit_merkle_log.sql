-- The tamper evidence becomes an append-only Merkle log (RFC 9162's tree) over the events, in the
-- order the log was read: one leaf per event, computed once and never recomputed. A rebuild
-- re-reads the events and checks them against their leaves (mismatches are recorded, never
-- written over). The hash chain it replaces is dropped.
DROP TABLE projection.audit_hash;

CREATE TABLE projection.audit_log_leaf (
    leaf_index  bigint      PRIMARY KEY,
    revision    bigint      NOT NULL UNIQUE,
    leaf_hash   bytea       NOT NULL
);

-- the tree head after every leaf: size, root
CREATE TABLE projection.audit_log_head (
    tree_size     bigint      PRIMARY KEY,
    root_hash     bytea       NOT NULL,
    last_revision bigint      NOT NULL
);

-- the roots of the perfect subtrees the current tree is made of (at most 64 rows): what appending needs
CREATE TABLE projection.audit_log_frontier (
    position     integer PRIMARY KEY,
    subtree_size bigint  NOT NULL,
    hash         bytea   NOT NULL
);

-- what a re-read of the log found that no longer matches its leaf
CREATE TABLE projection.audit_log_mismatch (
    id          bigserial   PRIMARY KEY,
    revision    bigint      NOT NULL,
    kind        varchar(40) NOT NULL,
    stored_leaf bytea,
    found_leaf  bytea,
    detected_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_mismatch_revision_idx ON projection.audit_log_mismatch (revision);

-- signed tree heads (Ed25519), to be kept outside the register
CREATE TABLE projection.audit_checkpoint (
    tree_size bigint       PRIMARY KEY,
    root_hash bytea        NOT NULL,
    signed_at timestamptz  NOT NULL,
    key_id    varchar(64)  NOT NULL,
    note      text         NOT NULL,
    signature bytea        NOT NULL
);

-- leaves, tree heads and checkpoints are never changed nor removed, not even by a rebuild
CREATE FUNCTION projection.refuse_change_of_audit_log() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only: % on % refused', TG_OP, TG_TABLE_NAME;
END $$;
CREATE TRIGGER audit_log_leaf_append_only BEFORE UPDATE OR DELETE ON projection.audit_log_leaf
    FOR EACH ROW EXECUTE FUNCTION projection.refuse_change_of_audit_log();
CREATE TRIGGER audit_log_leaf_no_truncate BEFORE TRUNCATE ON projection.audit_log_leaf
    FOR EACH STATEMENT EXECUTE FUNCTION projection.refuse_change_of_audit_log();
CREATE TRIGGER audit_log_head_append_only BEFORE UPDATE OR DELETE ON projection.audit_log_head
    FOR EACH ROW EXECUTE FUNCTION projection.refuse_change_of_audit_log();
CREATE TRIGGER audit_log_head_no_truncate BEFORE TRUNCATE ON projection.audit_log_head
    FOR EACH STATEMENT EXECUTE FUNCTION projection.refuse_change_of_audit_log();
CREATE TRIGGER audit_checkpoint_append_only BEFORE UPDATE OR DELETE ON projection.audit_checkpoint
    FOR EACH ROW EXECUTE FUNCTION projection.refuse_change_of_audit_log();
