-- wrk script: GET /r/<token>, a different token on every request.
-- Usage: wrk -t T ... -s bench/tokens.lua URL -- TOKENS_FILE START T
-- Each thread walks its own stripe of the file (thread i takes tokens
-- START+i, START+i+T, ...), wrapping around at the end. Any status other
-- than 200 counts as an error.
local threads = {}

function setup(thread)
  thread:set("index", #threads)
  table.insert(threads, thread)
end

function init(args)
  tokens = {}
  for line in io.lines(args[1]) do tokens[#tokens + 1] = line end
  if #tokens == 0 then error("no tokens in " .. args[1]) end
  n = (tonumber(args[2]) or 0) + index
  stride = tonumber(args[3]) or 1
  errors = 0
end

function request()
  local t = tokens[n % #tokens + 1]
  n = n + stride
  return wrk.format("GET", "/r/" .. t)
end

function response(status, headers, body)
  if status ~= 200 then errors = errors + 1 end
end

function done(summary, latency, requests)
  local bad = 0
  for _, t in ipairs(threads) do bad = bad + t:get("errors") end
  local s = summary.errors
  io.write(string.format("RESULT requests=%d rps=%.1f p99_ms=%.2f bad_status=%d socket_errors=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(99) / 1000,
    bad, s.connect + s.read + s.write + s.timeout))
end
