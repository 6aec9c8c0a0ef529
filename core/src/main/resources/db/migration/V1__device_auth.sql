-- OTOS schema, first slice: templates, products, devices, vouchers and the audit trail of auth attempts.
-- Secrets and voucher passwords are stored only as keyed hashes (HMAC-SHA256 with the server's hash key).

CREATE TABLE device_template (
    id            uuid         PRIMARY KEY,
    name          varchar(255) NOT NULL,
    secret_hash   bytea        NOT NULL,
    created_at    timestamptz  NOT NULL,
    updated_at    timestamptz  NOT NULL,
    CONSTRAINT device_template_secret_hash_key UNIQUE (secret_hash)
);

CREATE TABLE product (
    id            uuid         PRIMARY KEY,
    template_id   uuid         NOT NULL REFERENCES device_template (id),
    name          varchar(255) NOT NULL,
    product_key   varchar(128) NOT NULL,
    created_at    timestamptz  NOT NULL,
    CONSTRAINT product_product_key_key UNIQUE (product_key)
);
CREATE INDEX product_template_id_idx ON product (template_id);

CREATE TABLE device (
    id                uuid         PRIMARY KEY,
    device_number     varchar(255) NOT NULL,
    name              varchar(255),
    template_id       uuid         NOT NULL REFERENCES device_template (id),
    product_id        uuid         REFERENCES product (id),
    parent_device_id  uuid         REFERENCES device (id),
    sub_device_addr   varchar(255),
    status            varchar(32)  NOT NULL,
    created_at        timestamptz  NOT NULL,
    updated_at        timestamptz  NOT NULL,
    last_auth_at      timestamptz,
    CONSTRAINT device_device_number_key UNIQUE (device_number),
    CONSTRAINT device_sub_device_addr_key UNIQUE (parent_device_id, sub_device_addr),
    CONSTRAINT device_sub_device_pair CHECK ((parent_device_id IS NULL) = (sub_device_addr IS NULL)),
    CONSTRAINT device_not_own_parent CHECK (parent_device_id <> id)
);
CREATE INDEX device_template_id_idx ON device (template_id, device_number);
CREATE INDEX device_product_id_idx ON device (product_id);

CREATE TABLE voucher (
    id                 uuid         PRIMARY KEY,
    device_id          uuid         NOT NULL REFERENCES device (id),
    username           uuid         NOT NULL,
    password_hash      bytea        NOT NULL,
    issued_at          timestamptz  NOT NULL,
    revoked_at         timestamptz,
    revocation_reason  varchar(32),
    CONSTRAINT voucher_username_key UNIQUE (username),
    CONSTRAINT voucher_revocation_complete CHECK ((revoked_at IS NULL) = (revocation_reason IS NULL))
);
CREATE INDEX voucher_device_id_idx ON voucher (device_id, issued_at);
-- A device has at most one active voucher at any time.
CREATE UNIQUE INDEX voucher_one_active_per_device ON voucher (device_id) WHERE revoked_at IS NULL;

CREATE TABLE auth_attempt (
    id              uuid          PRIMARY KEY,
    occurred_at     timestamptz   NOT NULL,
    source_address  varchar(64),
    device_number   varchar(255),
    template_id     uuid,
    device_id       uuid,
    outcome         varchar(16)   NOT NULL,
    reason          varchar(64)   NOT NULL,
    detail          varchar(512)
);
CREATE INDEX auth_attempt_occurred_at_idx ON auth_attempt (occurred_at DESC);
CREATE INDEX auth_attempt_device_number_idx ON auth_attempt (device_number, occurred_at DESC);
