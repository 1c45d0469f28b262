-- Axon's event store, token store, dead-letter queue and saga store (schema "axon"), shared
-- by both services: the command-service owns it, the query-service maps it and validates.
-- Binary columns are bytea (JSON inside), not large objects.

CREATE TABLE axon.domain_event_entry (
    global_index         bigint                 NOT NULL,
    sequence_number      bigint                 NOT NULL,
    meta_data            bytea,
    payload              bytea                  NOT NULL,
    aggregate_identifier character varying(255) NOT NULL,
    event_identifier     character varying(255) NOT NULL,
    payload_revision     character varying(255),
    payload_type         character varying(255) NOT NULL,
    time_stamp           character varying(255) NOT NULL,
    type                 character varying(255),
    CONSTRAINT domain_event_entry_pkey PRIMARY KEY (global_index),
    CONSTRAINT domain_event_entry_aggregate_identifier_sequence_number_key UNIQUE (aggregate_identifier, sequence_number),
    CONSTRAINT domain_event_entry_event_identifier_key UNIQUE (event_identifier)
);

-- The global index is the register's revision: one value at a time, never cached in blocks.
CREATE SEQUENCE axon.domain_event_entry_global_index_seq START WITH 1 INCREMENT BY 1 CACHE 1;

CREATE TABLE axon.snapshot_event_entry (
    sequence_number      bigint                 NOT NULL,
    meta_data            bytea,
    payload              bytea                  NOT NULL,
    aggregate_identifier character varying(255) NOT NULL,
    event_identifier     character varying(255) NOT NULL,
    payload_revision     character varying(255),
    payload_type         character varying(255) NOT NULL,
    time_stamp           character varying(255) NOT NULL,
    type                 character varying(255) NOT NULL,
    CONSTRAINT snapshot_event_entry_pkey PRIMARY KEY (sequence_number, aggregate_identifier, type),
    CONSTRAINT snapshot_event_entry_event_identifier_key UNIQUE (event_identifier)
);

CREATE TABLE axon.token_entry (
    segment        integer                NOT NULL,
    token          bytea,
    owner          character varying(255),
    processor_name character varying(255) NOT NULL,
    "timestamp"    character varying(255) NOT NULL,
    token_type     character varying(255),
    CONSTRAINT token_entry_pkey PRIMARY KEY (segment, processor_name)
);

CREATE TABLE axon.dead_letter_entry (
    enqueued_at          timestamp(6) with time zone NOT NULL,
    last_touched         timestamp(6) with time zone,
    processing_started   timestamp(6) with time zone,
    sequence_index       bigint                 NOT NULL,
    sequence_number      bigint,
    cause_message        character varying(1023),
    diagnostics          bytea,
    meta_data            bytea,
    payload              bytea                  NOT NULL,
    token                bytea,
    aggregate_identifier character varying(255),
    cause_type           character varying(255),
    dead_letter_id       character varying(255) NOT NULL,
    event_identifier     character varying(255) NOT NULL,
    message_type         character varying(255) NOT NULL,
    payload_revision     character varying(255),
    payload_type         character varying(255) NOT NULL,
    processing_group     character varying(255) NOT NULL,
    sequence_identifier  character varying(255) NOT NULL,
    time_stamp           character varying(255) NOT NULL,
    token_type           character varying(255),
    type                 character varying(255),
    CONSTRAINT dead_letter_entry_pkey PRIMARY KEY (dead_letter_id),
    CONSTRAINT dead_letter_entry_group_sequence_key UNIQUE (processing_group, sequence_identifier, sequence_index)
);
CREATE INDEX dead_letter_entry_group_idx ON axon.dead_letter_entry (processing_group);
CREATE INDEX dead_letter_entry_group_sequence_idx ON axon.dead_letter_entry (processing_group, sequence_identifier);

CREATE TABLE axon.saga_entry (
    serialized_saga bytea,
    revision        character varying(255),
    saga_id         character varying(255) NOT NULL,
    saga_type       character varying(255),
    CONSTRAINT saga_entry_pkey PRIMARY KEY (saga_id)
);

CREATE TABLE axon.association_value_entry (
    id                bigint                 NOT NULL,
    association_key   character varying(255) NOT NULL,
    association_value character varying(255),
    saga_id           character varying(255) NOT NULL,
    saga_type         character varying(255),
    CONSTRAINT association_value_entry_pkey PRIMARY KEY (id)
);
CREATE SEQUENCE axon.association_value_entry_seq START WITH 1 INCREMENT BY 50;
CREATE INDEX association_value_entry_saga_idx ON axon.association_value_entry (saga_id, saga_type);
CREATE INDEX association_value_entry_lookup_idx ON axon.association_value_entry (saga_type, association_key, association_value);
