-- pgbench script of `./otos bench`: the SQL of one first-time provisioning as OTOS runs it, one transaction:
-- template by secret hash; device locked by the update of its last authentication (none yet); inserted
-- already provisioned; voucher issued and attempt audited in one statement.
-- Variables: template (uuid), hash (hex of the template's secret hash).
\set n random(1, 1000000000000)
BEGIN;
SELECT id, name, enabled, registration_mode, max_devices, reauth_policy, plaintext_allowed FROM device_template WHERE secret_hash = decode(:hash, 'hex') OR previous_secret_hash = decode(:hash, 'hex');
UPDATE device SET last_auth_at = now(), updated_at = now() WHERE device_number = 'pgb-' || :client_id || '-' || :n RETURNING *;
INSERT INTO device (id, device_number, template_id, status, created_at, updated_at, last_auth_at) VALUES (gen_random_uuid(), 'pgb-' || :client_id || '-' || :n, :template, 'ACTIVE', now(), now(), now()) ON CONFLICT (device_number) DO NOTHING RETURNING * \gset
WITH row1 AS (INSERT INTO voucher (id, device_id, username, password_hash, issued_at) VALUES (gen_random_uuid(), :id, gen_random_uuid(), sha256(decode(:hash, 'hex')), now())) INSERT INTO auth_attempt (id, occurred_at, source_address, device_number, template_id, device_id, outcome, reason, secret_used, credential) VALUES (gen_random_uuid(), now(), '127.0.0.1', 'pgb-' || :client_id || '-' || :n, :template, :id, 'SUCCESS', 'PROVISIONED', 'CURRENT', 'PLAINTEXT');
END;
