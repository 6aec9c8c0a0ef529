-- Seeds 1,000,000 devices (one template, a voucher each) and times the queries behind the console's grids.
-- Against the database of `./otos run` (its port is in `ps aux | grep "postgres -D"`):
--   psql -h 127.0.0.1 -p PORT -U postgres -d postgres -f server/src/test/resources/bench/console-grids.sql
-- Adds rows to that database: use a throw-away OTOS_DATA_DIR.
\timing on

-- one template, 1,000,000 devices, a voucher each
INSERT INTO device_template (id, name, secret_hash, created_at, updated_at)
  VALUES ('00000000-0000-0000-0000-00000000a001', 'grid-1m', decode(md5('grid-1m'), 'hex'), now(), now())
  ON CONFLICT DO NOTHING;
INSERT INTO device (id, device_number, template_id, status, created_at, updated_at, last_auth_at, pre_registered)
  SELECT gen_random_uuid(), 'grid-' || lpad(n::text, 7, '0'), '00000000-0000-0000-0000-00000000a001',
         CASE WHEN n % 1000 = 0 THEN 'BLOCKED' ELSE 'ACTIVE' END, now(), now(), now(), false
  FROM generate_series(1, 1000000) n;
INSERT INTO voucher (id, device_id, username, password_hash, issued_at)
  SELECT gen_random_uuid(), d.id, gen_random_uuid(), decode(md5(d.device_number), 'hex'), now() - (random() * interval '30 days')
  FROM device d WHERE d.template_id = '00000000-0000-0000-0000-00000000a001';
ANALYZE;

-- The queries the grids run (first screen, filters, a deep jump), each twice.
\o /dev/null
SELECT * FROM device ORDER BY device_number, id LIMIT 100;
\o
EXPLAIN (ANALYZE, SUMMARY ON) SELECT * FROM device ORDER BY device_number, id LIMIT 100;
EXPLAIN (ANALYZE, SUMMARY ON) SELECT * FROM device WHERE template_id = '00000000-0000-0000-0000-00000000a001' ORDER BY device_number, id LIMIT 100;
EXPLAIN (ANALYZE, SUMMARY ON) SELECT * FROM device WHERE device_number LIKE 'grid-05%' ORDER BY device_number, id LIMIT 100;
EXPLAIN (ANALYZE, SUMMARY ON) SELECT * FROM device WHERE device_number LIKE 'grid-0999999%' ORDER BY device_number, id LIMIT 100;
EXPLAIN (ANALYZE, SUMMARY ON) SELECT * FROM device WHERE status = 'BLOCKED' ORDER BY device_number, id LIMIT 100;
EXPLAIN (ANALYZE, SUMMARY ON) SELECT * FROM device ORDER BY device_number, id LIMIT 100 OFFSET 500000;
EXPLAIN (ANALYZE, SUMMARY ON) SELECT v.id FROM voucher v, device d WHERE d.id = v.device_id ORDER BY v.issued_at DESC, v.id LIMIT 100;
