-- Synchronisation: signers this store trusts, the outbox, and the package history.

CREATE TABLE trusted_signer (
    key_id         VARCHAR(64)   NOT NULL PRIMARY KEY,
    signer_role    VARCHAR(20)   NOT NULL,
    name           VARCHAR(200)  NOT NULL,
    public_key_pem VARCHAR(2000) NOT NULL,
    added_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    added_by       VARCHAR(64)   NOT NULL
);

-- Every change that leaves this workstation, under a gap-free, increasing sequence number.
CREATE TABLE outbox (
    seq         BIGINT       NOT NULL PRIMARY KEY,
    record_type VARCHAR(40)  NOT NULL,
    record_key  VARCHAR(100) NOT NULL,
    payload     JSON         NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    exported_in VARCHAR(36)
);

CREATE TABLE sync_package (
    package_id   VARCHAR(36)   NOT NULL PRIMARY KEY,
    direction    VARCHAR(10)   NOT NULL,
    processed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    signer_key   VARCHAR(64)   NOT NULL,
    seq_from     BIGINT,
    seq_to       BIGINT,
    counts       JSON          NOT NULL,
    result       VARCHAR(20)   NOT NULL,
    file_name    VARCHAR(400)  NOT NULL
);
