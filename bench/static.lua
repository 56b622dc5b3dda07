-- wrk script for the static baseline: GET the path given on the command
-- line, and print one machine-readable result line (see load.sh).
function done(summary, latency, requests)
  local s = summary.errors
  io.write(string.format("RESULT requests=%d rps=%.1f p99_ms=%.2f bad_status=%d socket_errors=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(99) / 1000,
    s.status, s.connect + s.read + s.write + s.timeout))
end
