-- wrk: the steady saves of many examinees, each in its own session, with rising sequence numbers.
--   wrk -t1 -c64 -d120s -s benchmarks/wrk/exam_saves.lua http://127.0.0.1:PORT -- EXAMINEES_FILE SAVE_EVERY CONNECTIONS
-- EXAMINEES_FILE (written by benchmarks/exam_load.py), one examinee a line, tab-separated:
--   attempt id, session key, CSRF secret, then position:kind for each question answered by text,
--   a number or yes/no (kind: text, num or bool).
-- Each connection waits an exponential gap between saves so that all examinees together save one
-- answer per SAVE_EVERY seconds each on average (an open-ish load, not as fast as the server goes).
-- done() prints one line "WRK key=value …" for the script.

dofile("benchmarks/wrk/common.lua")  -- response(), setup(), done(); run from the repository root

local examinees, next_one, gap_ms = {}, 1, 1000

function init(args)
  local path, save_every, connections = args[1], tonumber(args[2]), tonumber(args[3])
  for line in io.lines(path) do
    local fields = {}
    for field in string.gmatch(line, "[^\t]+") do fields[#fields + 1] = field end
    local examinee = {
      path = "/exams/attempts/" .. fields[1] .. "/answers/",
      headers = {
        ["Cookie"] = "sessionid=" .. fields[2] .. "; csrftoken=" .. fields[3],
        ["X-CSRFToken"] = fields[3],
        ["Content-Type"] = "application/json",
        ["Accept"] = "application/json",
      },
      questions = {},
      seq = 0,
    }
    for i = 4, #fields do
      local position, kind = string.match(fields[i], "(%d+):(%a+)")
      examinee.questions[#examinee.questions + 1] = { position = position, kind = kind }
    end
    examinees[#examinees + 1] = examinee
  end
  math.randomseed(os.time())
  -- Connections share the thread's examinees: each waits connections × save_every / examinees.
  gap_ms = connections * save_every * 1000 / math.max(#examinees, 1)
end

function delay()
  return exponential_ms(gap_ms)
end

function request()
  local examinee = examinees[next_one]
  next_one = next_one % #examinees + 1
  examinee.seq = examinee.seq + 1
  local question = examinee.questions[math.random(#examinee.questions)]
  local response
  if question.kind == "num" then
    response = string.format('"%d.5"', examinee.seq % 6)
  elseif question.kind == "bool" then
    response = (examinee.seq % 2 == 0) and "true" or "false"
  else
    response = string.format('"答案-%d"', examinee.seq)
  end
  local body = string.format('{"answers": [{"position": %s, "response": %s, "seq": %d}]}',
    question.position, response, examinee.seq)
  return wrk.format("POST", examinee.path, examinee.headers, body)
end
