-- wrk `done` hook shared by bench/pages.sh and bench/load.sh: one machine-readable line,
--   RESULT <req/s> <p50 ms> <p99 ms> <requests> <status errors> <connect> <read> <write> <timeout>
-- where status errors are responses with a status of 400 or more (wrk counts nothing else as a
-- status error, so 2xx and 3xx are fine).
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %.1f %.2f %.2f %d %d %d %d %d %d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests, e.status, e.connect, e.read, e.write, e.timeout))
end
