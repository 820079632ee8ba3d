-- wrk script for scenario 1: POST /v1/invoices/{id}/payments of 0.01 EUR, spread over the invoices in
-- BENCH_IDS (one per line) so that requests rarely queue on one invoice's row lock.
local token = os.getenv("BENCH_TOKEN")
local ids = {}
for line in io.lines(os.getenv("BENCH_IDS")) do ids[#ids + 1] = line end
local headers = { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }
local body = '{"amount":{"amount":"0.01","currency":"EUR"},"reference":"bench"}'
math.randomseed(os.time() + math.floor(os.clock() * 1000000))

request = function()
  return wrk.format("POST", "/v1/invoices/" .. ids[math.random(#ids)] .. "/payments", headers, body)
end
