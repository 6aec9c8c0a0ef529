-- Signed requests: template secrets also kept sealed (AES-GCM under OTOS_SECRET_KEY) so that signatures can be
-- verified; a per-template switch for the seed's plaintext mode; the nonces of signed requests, each usable once;
-- how each attempt proved itself; and the admin actions auditors need to see.

ALTER TABLE device_template
    ADD COLUMN secret_sealed           bytea,
    ADD COLUMN previous_secret_sealed  bytea,
    ADD COLUMN plaintext_allowed       boolean NOT NULL DEFAULT true,
    ADD CONSTRAINT device_template_previous_sealed_has_hash
        CHECK (previous_secret_sealed IS NULL OR previous_secret_hash IS NOT NULL);

-- No foreign key to device_template: its check would lock the template row against the lock that counts the
-- devices of a capped template (templates are never deleted).
CREATE TABLE auth_nonce (
    template_id  uuid         NOT NULL,
    nonce        varchar(64)  NOT NULL,
    expires_at   timestamptz  NOT NULL,
    PRIMARY KEY (template_id, nonce)
);
CREATE INDEX auth_nonce_expires_at_idx ON auth_nonce (expires_at);

ALTER TABLE auth_attempt
    ADD COLUMN credential varchar(24);

CREATE TABLE admin_action (
    id              uuid          PRIMARY KEY,
    occurred_at     timestamptz   NOT NULL,
    actor           varchar(64)   NOT NULL,
    source_address  varchar(64),
    action          varchar(48)   NOT NULL,
    template_id     uuid,
    subject         varchar(512)
);
CREATE INDEX admin_action_occurred_at_idx ON admin_action (occurred_at DESC);
