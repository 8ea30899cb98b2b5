#!/usr/bin/env bash
# BanGUI benchmark (see Docs/PERFORMANCE.md). Sets up a private fail2ban with 3 jails and 10,000 addresses
# banned in one of them, starts BanGUI on its own SQLite file, then measures with wrk at concurrency 16:
#   - GET /api/v1/jails and GET /api/v1/dashboard/status: p50, p99, requests/s
#   - the floor: the fail2ban commands behind /jails issued by a minimal raw-socket client
#   - time from process start to ready, and RSS after 1,000 requests
#   - high availability (scripts/bench/ha.py): scheduler-lock takeover after kill -9 and after SIGTERM of the
#     leader (two instances on one Redis, heartbeat 1 s, TTL 3 s), SIGTERM-to-exit, and GET /api/v1/jails
#     with sessions on Redis vs SQLite, interleaved A/B
#   - every API request is authenticated: a session cookie is validated on each one; GET /api/v1/auth/session
#     measures that validation alone
#   - blocklists (scripts/bench/blocklist.sh): a 1M-entry list downloaded, parsed and diffed; apply of 100,000
#     entries against a raw batched banip; re-import of the unchanged list with a 200 and with a 304
#   - configuration (scripts/bench/config.sh): parse of the stock Debian config dir (cold, warm); edit + test +
#     reload of one jail through the API against `fail2ban-client reload` alone
#   - web UI (scripts/bench/ui.sh): JS + CSS of the first page gzipped, /login usable with a cold cache, the
#     dashboard with 10,000 bans (load times, API bytes) in Debian's Chromium driven by playwright-core
#   - start time and memory (scripts/bench/startup.sh): start to ready with the JVM's defaults, the image's
#     flags and its AppCDS archive; RSS idle and after 2 x 100,000 mixed requests with a 512 MB limit emulated;
#     p99 of /jails with the image's flags against the defaults
# Everything runs on loopback; BENCH_SECONDS (default 15) sets the length of each run. The global per-client
# rate limit is turned off for the run: every request comes from one address.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

BENCH="$BANGUI_ROOT/.bench"
PORT="${BENCH_PORT:-18090}"
SECONDS_PER_RUN="${BENCH_SECONDS:-15}"
CONCURRENCY=16
URL="http://127.0.0.1:$PORT"

cleanup() {
  stop_pid_file "$BENCH/bangui.pid"
  stop_pid_file "$BENCH/fail2ban/server.pid"
  stop_pid_file "$BENCH/redis.pid"
}
trap cleanup EXIT

ensure_build_tools
ensure_packages wrk python3 redis-server
build_jar
cleanup
rm -rf "$BENCH" && mkdir -p "$BENCH"

log "fail2ban sandbox with 3 jails"
write_fail2ban_sandbox "$BENCH/fail2ban"
start_fail2ban "$BENCH/fail2ban"
F2B=(fail2ban-client -c "$BENCH/fail2ban/conf" -s "$BENCH/fail2ban/fail2ban.sock")

log "banning 10,000 addresses in the blocklist jail (batches of 1,000)"
for batch in $(seq 0 9); do
  mapfile -t ips < <(python3 -c "
for i in range($batch * 1000, ($batch + 1) * 1000):
    print('10.%d.%d.%d' % (100 + i // 65536, (i // 256) % 256, i % 256))")
  "${F2B[@]}" set blocklist banip "${ips[@]}" >/dev/null
done
banned=$("${F2B[@]}" status blocklist | sed -n 's/.*Currently banned:\s*//p')
[ "$banned" = "10000" ] || die "expected 10000 bans, fail2ban reports $banned"

log "starting BanGUI"
start_ns=$(date +%s%N)
BANGUI_RATE_LIMIT_GLOBAL=off BANGUI_COOKIE_SECURE=false \
BANGUI_PORT="$PORT" BANGUI_DATABASE_PATH="$BENCH/data/bangui.db" \
BANGUI_FAIL2BAN_SOCKET="$BENCH/fail2ban/fail2ban.sock" BANGUI_FAIL2BAN_CONFIG_DIR="$BENCH/fail2ban/conf" \
  java ${BENCH_JAVA_OPTS:-} -jar "$BANGUI_ROOT/bootstrap/target/bangui.jar" > "$BENCH/bangui.log" 2>&1 &
echo $! > "$BENCH/bangui.pid"
for _ in $(seq 1 6000); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$URL/api/v1/health/ready")" = "200" ] && break
  sleep 0.01
done
ready_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))

log "completing setup and logging in"
PASSWORD=$(random_password)
complete_setup "$URL" "$BENCH/data/setup-token" "$PASSWORD"
login "$URL" "$PASSWORD" "$BENCH/cookies.txt" >/dev/null
COOKIE="bangui_session=$(awk '$6 == "bangui_session" { print $7 }' "$BENCH/cookies.txt")"
rss_kb=$(python3 "$BANGUI_ROOT/scripts/bench/rss.py" "$URL/api/v1/jails" 1000 "$(cat "$BENCH/bangui.pid")" "$COOKIE")

wrk_run() { # path -> "p50_ms p99_ms rps"
  wrk -t2 -c"$CONCURRENCY" -d"${SECONDS_PER_RUN}s" --latency -H "Cookie: $COOKIE" "$URL$1" > "$BENCH/wrk.out"
  grep -q "Non-2xx" "$BENCH/wrk.out" && { cat "$BENCH/wrk.out" >&2; die "non-2xx answers from $1"; }
  awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    $1 == "50%" { p50 = ms($2) } $1 == "99%" { p99 = ms($2) } $1 == "Requests/sec:" { rps = $2 }
    END { printf "%.3f %.3f %.1f\n", p50, p99, rps }' "$BENCH/wrk.out"
}

log "warming up"
wrk -t2 -c"$CONCURRENCY" -d5s -H "Cookie: $COOKIE" "$URL/api/v1/jails" >/dev/null
log "measuring (${SECONDS_PER_RUN}s per run, concurrency $CONCURRENCY)"
read -r jails_p50 jails_p99 jails_rps <<<"$(wrk_run /api/v1/jails)"
read -r dash_p50 dash_p99 dash_rps <<<"$(wrk_run /api/v1/dashboard/status)"
read -r auth_p50 auth_p99 auth_rps <<<"$(wrk_run /api/v1/auth/session)"
read -r floor_p50 floor_p99 floor_rps <<<"$(python3 "$BANGUI_ROOT/scripts/bench/floor.py" \
  "$BENCH/fail2ban/fail2ban.sock" "$CONCURRENCY" "$SECONDS_PER_RUN")"
read -r floor1_p50 floor1_p99 floor1_rps <<<"$(python3 "$BANGUI_ROOT/scripts/bench/floor.py" \
  "$BENCH/fail2ban/fail2ban.sock" 1 "$SECONDS_PER_RUN")"
read -r jails1_p50 jails1_p99 jails1_rps <<<"$(CONCURRENCY=1 wrk -t1 -c1 -d"${SECONDS_PER_RUN}s" --latency -H "Cookie: $COOKIE" "$URL/api/v1/jails" > "$BENCH/wrk.out"; awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    $1 == "50%" { p50 = ms($2) } $1 == "99%" { p99 = ms($2) } $1 == "Requests/sec:" { rps = $2 }
    END { printf "%.3f %.3f %.1f\n", p50, p99, rps }' "$BENCH/wrk.out")"

stop_pid_file "$BENCH/bangui.pid" # the HA runs start their own instances
log "high availability: takeover, shutdown, sessions on Redis vs SQLite"
REDIS_PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no > "$BENCH/redis.log" 2>&1 &
echo $! > "$BENCH/redis.pid"
for _ in $(seq 1 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
mkdir -p "$BENCH/ha"
python3 "$BANGUI_ROOT/scripts/bench/ha.py" "$BANGUI_ROOT/bootstrap/target/bangui.jar" "$BENCH/ha" \
  "$BENCH/fail2ban/fail2ban.sock" "$BENCH/fail2ban/conf" "$REDIS_PORT" "$SECONDS_PER_RUN" > "$BENCH/ha.txt"
ha() { awk -v k="$1" '$1 == k { print $2 }' "$BENCH/ha.txt"; }
ha_hb=$(ha heartbeat_s); ha_ttl=$(ha ttl_s)
ha_kill=$(ha takeover_after_kill_s); ha_term=$(ha takeover_after_sigterm_s); ha_exit=$(ha sigterm_to_exit_s)
ha_sqlite=$(ha jails_rps_sqlite_sessions); ha_redis=$(ha jails_rps_redis_sessions)
ha_sqlite_runs=$(ha jails_rps_runs_sqlite); ha_redis_runs=$(ha jails_rps_runs_redis)

ratio=$(awk -v a="$jails_p50" -v b="$floor_p50" 'BEGIN { printf "%.2f", a / b }')
ratio1=$(awk -v a="$jails1_p50" -v b="$floor1_p50" 'BEGIN { printf "%.2f", a / b }')
{
  echo "BanGUI benchmark  $(date -u +%Y-%m-%dT%H:%M:%SZ)  $(nproc) cores, fail2ban $("${F2B[@]}" version), 3 jails, 10000 bans"
  printf '%-44s %10s %10s %12s\n' "" "p50 ms" "p99 ms" "per second"
  printf '%-44s %10s %10s %12s\n' "GET /api/v1/jails (c=16)" "$jails_p50" "$jails_p99" "$jails_rps"
  printf '%-44s %10s %10s %12s\n' "floor: raw socket, same commands (c=16)" "$floor_p50" "$floor_p99" "$floor_rps"
  printf '%-44s %10s %10s %12s\n' "GET /api/v1/jails (c=1)" "$jails1_p50" "$jails1_p99" "$jails1_rps"
  printf '%-44s %10s %10s %12s\n' "floor: raw socket, same commands (c=1)" "$floor1_p50" "$floor1_p99" "$floor1_rps"
  printf '%-44s %10s %10s %12s\n' "GET /api/v1/dashboard/status (c=16)" "$dash_p50" "$dash_p99" "$dash_rps"
  printf '%-44s %10s %10s %12s\n' "GET /api/v1/auth/session (c=16)" "$auth_p50" "$auth_p99" "$auth_rps"
  echo "all API figures are authenticated: session cookie validated on every request"
  echo "/jails p50 over floor p50: ${ratio}x at c=16, ${ratio1}x at c=1 (target: within 1.5x)"
  echo "/dashboard/status: ${dash_rps} requests/s (target: at least 2000)"
  echo "process start to ready: ${ready_ms} ms"
  echo "RSS after 1000 requests: $((rss_kb / 1024)) MB"
  echo "takeover after kill -9 of the leader: ${ha_kill} s (target: TTL + 1 heartbeat = $((ha_ttl + ha_hb)) s; ratio $(awk -v a="$ha_kill" -v b="$((ha_ttl + ha_hb))" 'BEGIN { printf "%.2f", a / b }'))"
  echo "takeover after SIGTERM of the leader: ${ha_term} s (target: 2 heartbeats = $((2 * ha_hb)) s; ratio $(awk -v a="$ha_term" -v b="$((2 * ha_hb))" 'BEGIN { printf "%.2f", a / b }'))"
  echo "SIGTERM to exit, no job running: ${ha_exit} s (target: 2 s)"
  echo "GET /api/v1/jails (c=16), median of 4 interleaved runs (ABBA): ${ha_sqlite}/s with sessions on SQLite, ${ha_redis}/s on Redis ($(awk -v a="$ha_redis" -v b="$ha_sqlite" 'BEGIN { printf "%+.1f%%", (a / b - 1) * 100 }'); target: at most 10% slower; runs in order: SQLite ${ha_sqlite_runs}, Redis ${ha_redis_runs})"
} | tee "$BENCH/results.txt"
"$BANGUI_ROOT/scripts/bench/geo.sh" | tee -a "$BENCH/results.txt"
"$BANGUI_ROOT/scripts/bench/history-query.sh" | tee -a "$BENCH/results.txt"
"$BANGUI_ROOT/scripts/bench/history-sync.sh" | tee -a "$BENCH/results.txt"
"$BANGUI_ROOT/scripts/bench/blocklist.sh" | tee -a "$BENCH/results.txt"
"$BANGUI_ROOT/scripts/bench/config.sh" | tee -a "$BENCH/results.txt"
"$BANGUI_ROOT/scripts/bench/ui.sh" | tee -a "$BENCH/results.txt"
"$BANGUI_ROOT/scripts/bench/startup.sh" | tee -a "$BENCH/results.txt"
