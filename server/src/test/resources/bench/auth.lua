-- wrk script of `./otos bench`: a device auth body with the template secret (to /api/v1/device/auth, or to the
-- no-op ceiling /noop/auth), for device numbers
-- that are new (first-time provisioning), seeded (repeat auth), or a mix.
-- Arguments: <new-prefix> <seeded-prefix> <seeded-count> <share-new 0..100>; the template secret comes in
-- OTOS_BENCH_SECRET, so that it is not on the command line.
local secret, newPrefix, seededPrefix, seededCount, shareNew
local counter = 0
local nextThreadId = 0 -- counted in the main state; each thread gets its own threadId global
local headers = { ["Content-Type"] = "application/json" }

function setup(thread)
  nextThreadId = nextThreadId + 1
  thread:set("threadId", nextThreadId)
end

function init(args)
  secret = os.getenv("OTOS_BENCH_SECRET")
  newPrefix, seededPrefix = args[1], args[2]
  seededCount, shareNew = tonumber(args[3]), tonumber(args[4])
  math.randomseed(os.time() * 1000 + threadId)

end

function request()
  local number
  if math.random(1, 100) <= shareNew then
    counter = counter + 1
    number = newPrefix .. "-" .. threadId .. "-" .. counter
  else
    number = seededPrefix .. "-" .. math.random(0, seededCount - 1)
  end
  local body = '{"template_secret":"' .. secret .. '","device_number":"' .. number .. '"}'
  return wrk.format("POST", nil, headers, body)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH-RESULT {"requests":%d,"duration_us":%d,"non_2xx":%d,"socket_errors":%d,' ..
    '"p50_us":%d,"p99_us":%d,"p999_us":%d,"max_us":%d}\n',
    summary.requests, summary.duration, e.status, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50), latency:percentile(99), latency:percentile(99.9), latency.max))
end
