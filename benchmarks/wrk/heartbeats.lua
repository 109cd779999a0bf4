-- wrk: the heartbeats of many lesson tabs, each with its trainee's session and CSRF token, its own
-- signed page view and rising sequence numbers, as courses/static/courses/heartbeat.js sends them.
--   wrk -t1 -c64 -d60s -s benchmarks/wrk/heartbeats.lua http://127.0.0.1:PORT -- TABS_FILE INTERVAL CONNECTIONS
-- TABS_FILE (written by benchmarks/heartbeats.py), one tab a line, tab-separated:
--   session key, CSRF secret, lesson id, signed page view.
-- Each connection waits an exponential gap so that every tab beats once per INTERVAL seconds on average.

dofile("benchmarks/wrk/common.lua")  -- response(), setup(), done(); run from the repository root

local tabs, next_one, gap_ms = {}, 1, 1000

function init(args)
  local path, interval, connections = args[1], tonumber(args[2]), tonumber(args[3])
  for line in io.lines(path) do
    local fields = {}
    for field in string.gmatch(line, "[^\t]+") do fields[#fields + 1] = field end
    tabs[#tabs + 1] = {
      headers = {
        ["Cookie"] = "sessionid=" .. fields[1] .. "; csrftoken=" .. fields[2],
        ["X-CSRFToken"] = fields[2],
        ["Content-Type"] = "application/json",
        ["Accept"] = "application/json",
      },
      lesson = fields[3],
      view = fields[4],
      seq = 0,
    }
  end
  math.randomseed(os.time())
  gap_ms = connections * interval * 1000 / math.max(#tabs, 1)
end

function delay()
  return exponential_ms(gap_ms)
end

function request()
  local tab = tabs[next_one]
  next_one = next_one % #tabs + 1
  tab.seq = tab.seq + 1
  local body = string.format('{"lesson": %s, "view": "%s", "seq": %d, "visible": true, "interacted": true}',
    tab.lesson, tab.view, tab.seq)
  return wrk.format("POST", "/progress/heartbeat/", tab.headers, body)
end
