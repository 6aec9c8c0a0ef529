-- pgbench script of `./otos bench`: the SQL of one group of repeat auths as OTOS runs it (group commit),
-- one transaction: template by secret hash; every device of the group locked in the order of its number
-- and its last authentication set; their active vouchers revoked; a new voucher and an audit record for
-- each, in one statement (OTOS's lists the rows' values; this one selects them: the same rows, locks and
-- index entries).
-- Variables: template (uuid), hash (hex of the template's secret hash), group (devices a transaction),
-- per (how many seeded devices each client picks its groups among: no two clients lock one device).
\set first :client_id * :per + random(0, :per - :group)
\set last :first + :group - 1
BEGIN;
SELECT id, name, enabled, registration_mode, max_devices, reauth_policy, plaintext_allowed FROM device_template WHERE secret_hash = decode(:hash, 'hex') OR previous_secret_hash = decode(:hash, 'hex');
WITH locked AS (UPDATE device SET last_auth_at = now(), updated_at = now() WHERE id IN (SELECT id FROM device WHERE device_number IN (SELECT 'seed-' || n FROM generate_series(CAST(:first AS int), CAST(:last AS int)) AS n) ORDER BY device_number FOR UPDATE) RETURNING id, device_number) SELECT array_agg(id) AS ids, array_agg(device_number) AS numbers FROM locked \gset
UPDATE voucher SET revoked_at = now(), revocation_reason = 'REISSUED' WHERE device_id = ANY (CAST(:ids AS uuid[])) AND revoked_at IS NULL RETURNING device_id;
WITH issued AS (INSERT INTO voucher (id, device_id, username, password_hash, issued_at) SELECT gen_random_uuid(), d, gen_random_uuid(), sha256(decode(:hash, 'hex') || d::text::bytea), now() FROM unnest(CAST(:ids AS uuid[])) AS d) INSERT INTO auth_attempt (id, occurred_at, source_address, device_number, template_id, device_id, outcome, reason, secret_used, credential) SELECT gen_random_uuid(), now(), '127.0.0.1', n, :template, d, 'SUCCESS', 'REISSUED', 'CURRENT', 'PLAINTEXT' FROM unnest(CAST(:ids AS uuid[]), CAST(:numbers AS text[])) AS x (d, n);
END;
