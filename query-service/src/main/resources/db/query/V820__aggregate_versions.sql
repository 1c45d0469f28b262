-- Single-resource answers carry their aggregate's version as an ETag (issue 18), so a client can send
-- If-Match to the command-service without first issuing a command. Kept by the projection that
-- answers for the aggregate, in its transaction; filled as the processors read on (a body or plan
-- not changed since shows no ETag until the chart or the plans are read again, see V800/V830).
CREATE TABLE projection.aggregate_version (
    aggregate_type varchar(100) NOT NULL,
    aggregate_id   varchar(300) NOT NULL,
    version        bigint       NOT NULL,
    PRIMARY KEY (aggregate_type, aggregate_id)
);
