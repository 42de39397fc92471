-- wrk script: save answers as fast as the service takes them, spread over the attempts that
-- `LoadBenchmark --phase=prepare` wrote (one "attemptId token" per line).
-- wrk -t2 -c64 -d30s -s src/test/bench/save-answer.lua http://127.0.0.1:8080
local targets = {}
for line in io.lines(os.getenv("TARGETS") or "target/bench-targets.txt") do
  local id, token = line:match("^(%d+) (%S+)$")
  targets[#targets + 1] = { id = id, auth = "Bearer " .. token }
end

-- Saves of one question must carry rising seq numbers (an older one is ignored, as after a lost
-- connection): thread i of n only touches the attempts with i = position mod n, in its own order.
-- Later runs on the same attempts start above earlier ones: one base for all threads.
local threads = 0
local base = os.time() * 1000000
function setup(thread)
  thread:set("index", threads)
  thread:set("base", base)
  threads = threads + 1
end

function init(args)
  step = tonumber(os.getenv("WRK_THREADS") or "2")
end

local k = 0
function request()
  k = k + 1
  local slot = math.random(0, math.floor((#targets - 1 - index) / step))
  local t = targets[1 + index + slot * step]
  local body = string.format('{"option":%d,"seq":%.0f}', math.random(4), base + k)
  return wrk.format("PUT", "/api/attempts/" .. t.id .. "/answers/" .. math.random(30),
    { ["Content-Type"] = "application/json", ["Authorization"] = t.auth }, body)
end

function done(summary, latency, requests)
  io.write(string.format("saves/s %.0f, non-2xx %d, errors %d, p50 %.1f ms, p99 %.1f ms, max %.1f ms\n",
    summary.requests / (summary.duration / 1e6), summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
