-- wrk script for scenario 4: GET /v1/clients pages (BENCH_MODE=list) or GET /v1/clients/{id}/health
-- (BENCH_MODE=health) with ids from BENCH_IDS (one per line), authenticated with BENCH_TOKEN.
local token = os.getenv("BENCH_TOKEN")
local mode = os.getenv("BENCH_MODE")
local pages = tonumber(os.getenv("BENCH_PAGES") or "50")
local ids = {}
for line in io.lines(os.getenv("BENCH_IDS")) do ids[#ids + 1] = line end
local headers = { ["Authorization"] = "Bearer " .. token }
math.randomseed(os.time() + math.floor(os.clock() * 1000000))

request = function()
  local path
  if mode == "list" then
    path = "/v1/clients?page=" .. math.random(0, pages - 1) .. "&size=20"
  else
    path = "/v1/clients/" .. ids[math.random(#ids)] .. "/health"
  end
  return wrk.format("GET", path, headers)
end
