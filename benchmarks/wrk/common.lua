-- What the wrk scripts share (dofile'd by each): per-thread counts of statuses and of the app
-- instance that answered (nginx's X-Upstream, the last one it tried), and done(), which prints one
-- line "WRK key=value …" that benchmarks/_harness.py run_wrk reads.

statuses, upstreams = {}, {}  -- globals: done() reads them through thread:get

function exponential_ms(mean_ms)
  return math.floor(-math.log(1 - math.random()) * mean_ms)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  local upstream = string.match(headers["X-Upstream"] or "-", "([^,%s]+)%s*$") or "-"
  upstreams[upstream] = (upstreams[upstream] or 0) + 1
end

local threads = {}

function setup(thread)
  threads[#threads + 1] = thread
end

function done(summary, latency, requests)
  local parts = {
    "requests=" .. summary.requests,
    "seconds=" .. string.format("%.1f", summary.duration / 1e6),
    "errors_connect=" .. summary.errors.connect,
    "errors_read=" .. summary.errors.read,
    "errors_write=" .. summary.errors.write,
    "errors_timeout=" .. summary.errors.timeout,
    "non_2xx=" .. summary.errors.status,
    "p50_ms=" .. string.format("%.1f", latency:percentile(50) / 1000),
    "p95_ms=" .. string.format("%.1f", latency:percentile(95) / 1000),
    "p99_ms=" .. string.format("%.1f", latency:percentile(99) / 1000),
  }
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do parts[#parts + 1] = "status_" .. status .. "=" .. count end
    for upstream, count in pairs(thread:get("upstreams")) do parts[#parts + 1] = "upstream_" .. upstream .. "=" .. count end
  end
  print("WRK " .. table.concat(parts, " "))
end
