-- wrk script for bench/cluster.sh: each thread rotates over pages and status lookups (seven pages,
-- two lookups of a demo application with its date of birth, one with a wrong date), starting at a
-- different place, and counts the answers by status. One line at the end:
--   RESULT <req/s> <p50 ms> <p99 ms> <requests> <failures> <bad status> <connect> <read> <write>
--          <timeout> <200> <404> <422> <429> <5xx>
-- Failures are socket errors plus bad statuses: 500 or more, or anything but 200, 404, 422 and 429.
-- Those four are answers: 404 is the wrong date of birth, 429 the lookup limit (every lookup here
-- comes from one address, so most of them get it), 422 a lookup the server refuses to read.
-- wrk's own status count (everything >= 400) would call them errors: it is not used.
local lookup = "/api/v1/applications/status"
local bodies = {
  '{"number":"TR-2026-900001-I","date_of_birth":"1990-04-12"}',
  '{"number":"TR-2026-900001-I","date_of_birth":"1990-04-12"}',
  '{"number":"TR-2026-900001-I","date_of_birth":"1990-04-13"}',
}
local pages = { "/en/", "/az/", "/ru/", "/en/procedures", "/en/status", "/en/news", "/en/check/stay" }
local requests = {}
local count = 0

-- Per thread (each has its own Lua state); `done` adds them up through the thread objects.
ok, not_found, refused, limited, server_error, other = 0, 0, 0, 0, 0, 0

local threads = {}
local next_id = 0
setup = function(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

-- The requests are formatted once; wrk.format fills in Host and Content-Length itself.
init = function(args)
  for _, path in ipairs(pages) do
    table.insert(requests, wrk.format("GET", path))
  end
  for _, body in ipairs(bodies) do
    table.insert(requests, wrk.format("POST", lookup, { ["Content-Type"] = "application/json" }, body))
  end
  count = (id or 0) * 5
end

request = function()
  count = count + 1
  return requests[count % #requests + 1]
end

response = function(status, headers, body)
  if status == 200 then ok = ok + 1
  elseif status == 404 then not_found = not_found + 1
  elseif status == 422 then refused = refused + 1
  elseif status == 429 then limited = limited + 1
  elseif status >= 500 then server_error = server_error + 1
  else other = other + 1 end
end

done = function(summary, latency, _)
  local n = { ok = 0, not_found = 0, refused = 0, limited = 0, server_error = 0, other = 0 }
  for _, thread in ipairs(threads) do
    for name, _ in pairs(n) do n[name] = n[name] + (thread:get(name) or 0) end
  end
  local e = summary.errors
  local bad = n.server_error + n.other
  local failures = bad + e.connect + e.read + e.write + e.timeout
  io.write(string.format("RESULT %.1f %.2f %.2f %d %d %d %d %d %d %d %d %d %d %d %d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests, failures, bad, e.connect, e.read, e.write, e.timeout,
    n.ok, n.not_found, n.refused, n.limited, n.server_error))
end
