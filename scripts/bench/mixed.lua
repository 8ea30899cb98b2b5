-- wrk script for scripts/bench/startup.sh: a mix of reads, misses and refusals, as a dashboard, a script and a
-- scanner would send them; every thread stops after its share of the total given as the first argument.
local paths = {
  "/api/v1/jails", "/api/v1/jails/sshd", "/api/v1/dashboard/status", "/api/v1/auth/session",
  "/api/v1/bans", "/api/v1/history?limit=50", "/api/v1/jobs", "/api/v1/audit?limit=20",
  "/api/v1/jails/no-such-jail", "/api/v1/history?since=yesterday", "/api/v1/geo/not-an-address", "/login",
}
local threads = 2
local share, sent, i = 0, 0, 0

function init(args)
  share = math.floor(tonumber(args[1] or "100000") / threads)
  i = math.random(#paths)
end

function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end

function response(status, headers, body)
  sent = sent + 1
  if sent >= share then
    wrk.thread:stop()
  end
end
