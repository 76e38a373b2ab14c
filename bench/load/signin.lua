-- POSTs one of $BENCH_USERS accounts' e-mail and password in turn, so no account sees more than a few
-- parallel sign-ins (Auth Studio reserves a lockout slot per attempt in flight).
local users = tonumber(os.getenv("BENCH_USERS") or "64")
local path = os.getenv("BENCH_PATH")
local n = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function()
  n = n + 1
  local body = string.format('{"email":"load%d@example.com","password":"Load-pass-1234"}', n % users)
  return wrk.format(nil, path, nil, body)
end
