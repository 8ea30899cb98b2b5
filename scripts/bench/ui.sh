#!/usr/bin/env bash
# Benchmark of the web UI (issue 11), on a private fail2ban and BanGUI, in Debian's Chromium (/usr/bin/chromium)
# driven by playwright-core from scripts/bench/ui/ (its own package.json and lock, installed with npm ci; no
# browser is ever downloaded):
#   1. JS + CSS of the first page: the shell's script src, stylesheet and modulepreload links, fetched with
#      Accept-Encoding: gzip, bytes on the wire summed; target <= 150 KB. The dashboard's lazily loaded chunks
#      (the world map, found in the browser's resource timing) are reported apart.
#   2. /login usable on loopback, cold cache (a fresh browser context per run): navigation start until the
#      password field is present, enabled and visible (the DOM mutation that makes it so); median of 5, target <= 1 s
#   3. the dashboard with 100, then 10,000 active bans (random public IPv4 addresses: many countries), logged in by
#      the session cookie: navigation start until the map has coloured countries (.worldmap [data-count]) and
#      the banned stat card shows a number; 5 cold loads, 5 warm reloads, 5 re-renders inside the app (Jails ->
#      Dashboard); target <= 300 ms. The bytes of every /api/v1 answer the dashboard fetched, at 100 and at
#      10,000 bans (bounded: aggregates, not every ban), and GET /api/v1/bans at 10,000 for contrast.
# Runnable alone: scripts/bench/ui.sh (builds the jar if needed). UI_BENCH_RUNS sets the runs (5); UI_BENCH_JAR
# measures another build (default bootstrap/target/bangui.jar).
set -euo pipefail
source "$(dirname "$0")/../lib/common.sh"

BENCH="${BENCH:-$BANGUI_ROOT/.bench}"
WORK="$BENCH/ui"
PORT="${UI_BENCH_PORT:-18097}"
URL="http://127.0.0.1:$PORT"
RUNS="${UI_BENCH_RUNS:-5}"
DRIVER="$BANGUI_ROOT/scripts/bench/ui"
JAR="${UI_BENCH_JAR:-$BANGUI_ROOT/bootstrap/target/bangui.jar}"
ensure_build_tools # Node.js and npm for the driver
[ -n "${UI_BENCH_JAR:-}" ] || build_jar
ensure_packages python3 fail2ban
ensure_browser
cleanup() {
  stop_pid_file "$WORK/service.pid"
  stop_pid_file "$WORK/fail2ban/server.pid"
}
trap cleanup EXIT
cleanup
rm -rf "$WORK"
mkdir -p "$WORK/results" "$WORK/data/geoip"

if [ ! -f "$DRIVER/node_modules/.package-lock.json" ] || [ "$DRIVER/package-lock.json" -nt "$DRIVER/node_modules/.package-lock.json" ]; then
  log "installing the benchmark's driver (playwright-core, npm ci; no browser download)"
  (cd "$DRIVER" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
fi
drive() { node "$DRIVER/bench.mjs" "$@"; }

log "fail2ban sandbox"
write_fail2ban_sandbox "$WORK/fail2ban"
start_fail2ban "$WORK/fail2ban"
F2B=(fail2ban-client -c "$WORK/fail2ban/conf" -s "$WORK/fail2ban/fail2ban.sock")

# 10,000 distinct public IPv4 addresses, fixed seed: spread over the address space, so over many countries
python3 - "$WORK/addresses.txt" <<'PY'
import random, sys
rng = random.Random(20261122)
skip = {0, 10, 100, 127, 169, 172, 192, 198, 203}
seen, out = set(), []
while len(out) < 10000:
    a = rng.randrange(1, 224)
    if a in skip:
        continue
    ip = "%d.%d.%d.%d" % (a, rng.randrange(256), rng.randrange(256), rng.randrange(1, 255))
    if ip not in seen:
        seen.add(ip); out.append(ip)
open(sys.argv[1], "w").write("\n".join(out) + "\n")
PY
ban_range() { # first last (1-based lines of addresses.txt), in batches of 1,000 through fail2ban-client
  local from=$1 to=$2
  while [ "$from" -le "$to" ]; do
    local end=$((from + 999 < to ? from + 999 : to))
    mapfile -t ips < <(sed -n "${from},${end}p" "$WORK/addresses.txt")
    "${F2B[@]}" set blocklist banip "${ips[@]}" >/dev/null
    from=$((end + 1))
  done
}
banned() { "${F2B[@]}" status blocklist | sed -n 's/.*Currently banned:\s*//p'; }

ensure_geo_db "$BANGUI_ROOT/.cache/geoip"
cp "$BANGUI_ROOT/.cache/geoip/country.mmdb" "$WORK/data/geoip/country.mmdb"
TOKEN="ui-bench-token"
PASSWORD="$(random_password)"
log "starting BanGUI on port $PORT"
BANGUI_PORT="$PORT" BANGUI_DATABASE_PATH="$WORK/data/bangui.db" BANGUI_SETUP_TOKEN="$TOKEN" \
  BANGUI_FAIL2BAN_SOCKET="$WORK/fail2ban/fail2ban.sock" BANGUI_FAIL2BAN_CONFIG_DIR="$WORK/fail2ban/conf" \
  BANGUI_COOKIE_SECURE=false BANGUI_LOG_FORMAT=text BANGUI_RATE_LIMIT_GLOBAL=off BANGUI_HISTORY_SYNC_INTERVAL=1h \
  java ${BENCH_JAVA_OPTS:-} -jar "$JAR" >"$WORK/service.log" 2>&1 &
echo $! > "$WORK/service.pid"
wait_http_ok "$URL/api/v1/health/ready" 60 || die "BanGUI did not start; see $WORK/service.log"
echo "$TOKEN" > "$WORK/token"
complete_setup "$URL" "$WORK/token" "$PASSWORD"
CSRF=$(login "$URL" "$PASSWORD" "$WORK/cookies")
COOKIE=$(awk '$6 == "bangui_session" { print $7 }' "$WORK/cookies")
[ -n "$COOKIE" ] || die "no session cookie after login"
# a few requests so that the JIT has seen the shell and the API before the first timed load
for _ in $(seq 1 20); do
  for path in / /login; do curl -s -o /dev/null "$URL$path"; done
  for path in dashboard/status dashboard/map; do curl -s -o /dev/null -b "$WORK/cookies" "$URL/api/v1/$path"; done
done

log "size of the first page's JS and CSS"
drive size "$URL" "$WORK/results/size.json"
log "/login, cold cache, $RUNS runs"
drive login "$URL" "$WORK/results/login.json" "$RUNS"

log "dashboard with 100 bans"
ban_range 1 100
[ "$(banned)" = "100" ] || die "expected 100 bans, fail2ban reports $(banned)"
UI_BENCH_SIZE="$WORK/results/size.json" drive dash "$URL" "$WORK/results/dash-100.json" "$RUNS" "$COOKIE" "$CSRF" \
  || log "the dashboard was not measured with 100 bans (see above)"

log "dashboard with 10,000 bans"
ban_range 101 10000
[ "$(banned)" = "10000" ] || die "expected 10000 bans, fail2ban reports $(banned)"
UI_BENCH_SIZE="$WORK/results/size.json" drive dash "$URL" "$WORK/results/dash-10000.json" "$RUNS" "$COOKIE" "$CSRF" \
  || log "the dashboard was not measured with 10000 bans (see above)"
drive bans "$URL" "$WORK/results/bans.json" "$COOKIE"
# the floor of the map's answer: fail2ban's own list of the 10,000 bans, `get blocklist banip --with-time`, over its
# socket by the raw client of scripts/bench/floor.py (no JVM, no HTTP, no geo); median of 5
python3 - "$BANGUI_ROOT/scripts/bench" "$WORK/fail2ban/fail2ban.sock" "$WORK/results/floor.json" <<'PY'
import json, statistics, sys, time
sys.path.insert(0, sys.argv[1])
from floor import connect, send
s, ms = connect(sys.argv[2]), []
for _ in range(5):
    t = time.perf_counter()
    code, bans = send(s, ["get", "blocklist", "banip", "--with-time"])
    ms.append((time.perf_counter() - t) * 1000)
json.dump({"kind": "floor", "bans": len(bans), "median": round(statistics.median(ms), 1), "best": round(min(ms), 1)},
          open(sys.argv[3], "w"))
PY

echo "Web UI benchmark  $(date -u +%Y-%m-%dT%H:%M:%SZ)  $(nproc) cores, load average $(cut -d" " -f1-3 /proc/loadavg), $(/usr/bin/chromium --version 2>/dev/null | head -1 | sed 's/ built on.*//'), headless, loopback"
drive report "$WORK/results"
