-- Template policies and the device lifecycle: enable/disable, registration mode (allowlist), device cap,
-- repeat-auth policy, secret rotation with a grace period; pre-registered and blocked devices.

ALTER TABLE device_template
    ADD COLUMN enabled                     boolean     NOT NULL DEFAULT true,
    ADD COLUMN registration_mode           varchar(16) NOT NULL DEFAULT 'AUTO',
    ADD COLUMN max_devices                 integer,
    ADD COLUMN reauth_policy               varchar(16) NOT NULL DEFAULT 'REISSUE',
    ADD COLUMN previous_secret_hash        bytea,
    ADD COLUMN previous_secret_expires_at  timestamptz,
    ADD CONSTRAINT device_template_max_devices_positive CHECK (max_devices IS NULL OR max_devices >= 0),
    ADD CONSTRAINT device_template_previous_secret_complete
        CHECK ((previous_secret_hash IS NULL) = (previous_secret_expires_at IS NULL));
CREATE UNIQUE INDEX device_template_previous_secret_hash_key
    ON device_template (previous_secret_hash) WHERE previous_secret_hash IS NOT NULL;

ALTER TABLE device
    ADD COLUMN pre_registered boolean NOT NULL DEFAULT false;
CREATE INDEX device_pre_registered_idx ON device (template_id, device_number) WHERE pre_registered;

ALTER TABLE auth_attempt
    ADD COLUMN secret_used varchar(16);
