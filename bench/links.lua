-- wrk script: a different member link /r/<token> on every request.
-- Usage: wrk -t T ... -s bench/links.lua URL -- TOKENS_FILE START T [BODY_FILE]
-- Without BODY_FILE it GETs each page, and any status but 200 counts as an
-- error. With it, it POSTs that body (a full submission, action=submit),
-- and any status but a redirect (3xx; a good submit answers 303) does.
-- Each thread walks its own stripe of the file (thread i takes tokens
-- START+i, START+i+T, ...), wrapping around at the end.
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
  if args[4] then
    local f = assert(io.open(args[4], "rb"))
    body = f:read("*a")
    f:close()
    headers = { ["Content-Type"] = "application/x-www-form-urlencoded" }
  end
  errors = 0
end

function request()
  local t = tokens[n % #tokens + 1]
  n = n + stride
  if body then
    return wrk.format("POST", "/r/" .. t, headers, body)
  end
  return wrk.format("GET", "/r/" .. t)
end

function response(status, headers, body_)
  local ok
  if body then ok = status >= 300 and status <= 399 else ok = status == 200 end
  if not ok then errors = errors + 1 end
end

function done(summary, latency, requests)
  local bad = 0
  for _, t in ipairs(threads) do bad = bad + t:get("errors") end
  local s = summary.errors
  io.write(string.format("RESULT requests=%d rps=%.1f p99_ms=%.2f bad_status=%d socket_errors=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(99) / 1000,
    bad, s.connect + s.read + s.write + s.timeout))
end
