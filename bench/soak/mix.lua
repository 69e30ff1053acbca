-- A mix of the site's routes (pages and JSON API), one after another per connection; every non-2xx answer is
-- counted per thread and reported at the end (wrk itself only counts non-2xx/3xx).
local paths = {
  "/codes/77054", "/api/v1/codes/77054", "/api/v1/prices/77054?national=true", "/api/v1/publications/77067",
  "/codes/99213", "/api/v1/prices/77053?locality=01112-54", "/api/v1/codes?q=mammography", "/",
  "/api/v1/prices/99214?state=CA", "/codes/19083", "/api/v1/releases", "/api/v1/publications/71046",
  "/codes/27447", "/api/v1/payers", "/health",
}
local threads = {}
local i = 0
bad = 0 -- a global: done() reads it from each thread with thread:get

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  i = math.random(#paths)
end

function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    bad = bad + 1
  end
end

function done(summary, latency, requests)
  local total = 0
  for _, t in ipairs(threads) do
    total = total + t:get("bad")
  end
  local e = summary.errors
  io.write(string.format("SOAK requests=%d non2xx=%d connect=%d read=%d write=%d timeout=%d p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f p999_ms=%.2f max_ms=%.2f duration_s=%.1f\n",
    summary.requests, total, e.connect, e.read, e.write, e.timeout,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency:percentile(99.9) / 1000, latency.max / 1000, summary.duration / 1e6))
end
