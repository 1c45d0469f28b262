-- Idempotency-Key answers, per principal: a retry gets the first answer and appends nothing.
-- status is null while the first request is still running.
CREATE TABLE registry.idempotency_key (
    principal    varchar(200) NOT NULL,
    idem_key     varchar(200) NOT NULL,
    request_hash char(64)     NOT NULL,
    status       integer,
    content_type varchar(200),
    location     varchar(500),
    body         bytea,
    created_at   timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (principal, idem_key)
);
