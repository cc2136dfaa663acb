-- wrk script for tests/bench/web.sh: 20 staff users, each request signed with one user's personal access token
-- (none for the public registry)
-- (threads and requests take turns through the users), rotating through the ids in a file.
-- Settings come from the environment: WEB_TOKENS (file, one token a line; empty for anonymous pages), WEB_IDS (file, one id a line; empty
-- for the inbox), WEB_PATH (the path, with {id} replaced by the next id).
local function lines(file)
  local t = {}
  if file == nil or file == "" then return t end
  for line in io.lines(file) do
    if line ~= "" then t[#t + 1] = line end
  end
  return t
end

local tokens = lines(os.getenv("WEB_TOKENS"))
local ids = lines(os.getenv("WEB_IDS"))
local path = os.getenv("WEB_PATH")
local counter = 0
local threadNumber = 0
local statuses = {}

function setup(thread)
  thread:set("threadNumber", threadNumber)
  threadNumber = threadNumber + 1
end

function init(args)
  counter = threadNumber * 7919
end

function request()
  counter = counter + 1
  local p = path
  if #ids > 0 then
    p = string.gsub(path, "{id}", ids[(counter % #ids) + 1])
  end
  local headers = { ["Accept-Language"] = "ja" }
  -- The public registry is read anonymously: no tokens file, no Authorization header.
  if #tokens > 0 then headers["Authorization"] = "Bearer " .. tokens[(counter % #tokens) + 1] end
  return wrk.format("GET", p, headers)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  if status ~= 200 and (statuses[status] or 0) == 1 then
    io.stderr:write("non-200 answer " .. status .. "\n")
  end
end

function done(summary, latency, requests)
  io.write(string.format("page-result: requests=%d errors=%d non2xx=%d p50=%.2fms p95=%.2fms p99=%.2fms rps=%.1f\n",
    summary.requests,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests / (summary.duration / 1000000)))
end
