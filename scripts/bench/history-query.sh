#!/usr/bin/env bash
# History query benchmark (issue 8; Docs/PERFORMANCE.md, "History queries"). Runnable alone:
#   scripts/bench/history-query.sh            (HISTORY_ROWS, default 1000000; BENCH_SECONDS, default 10)
# HISTORY_DATA_CACHE=DIR keeps the filled database (and its password) in DIR and reuses it on the next run,
# which saves the two minutes of filling when re-measuring. HISTORY_ORDER=time (default: rows inserted in order
# of time, as the archive grows in production) or shuffled (the worst layout); see history_data.py.
# Creates BanGUI's schema by starting it once, fills `history` with a realistic 1M-ban archive through SQLite
# (scripts/bench/history_data.py; BanGUI's triggers fill the rollups as in production), restarts BanGUI with
# -Xmx256m and measures over HTTP with a session cookie:
#   - a page of 100, first page and a cursor past 90% of the selection (900,000 rows unfiltered), without
#     filter, with a jail filter and with an ip filter: wrk p99 with one connection (the latency of a request)
#     and with 4 connections on 2 threads (the latency under load); GET /api/v1/auth/session alone as the
#     floor of any authenticated request
#   - statistics over the last 30 days by day: curl time of 20 calls (median and worst)
#   - export of the whole archive as NDJSON: rows/s, with the heap capped at 256 MB (the process must survive)
# Prints one line per measure with the target and the ratio (measure / target; below 1 is better for times,
# above 1 for rates).
set -euo pipefail
source "$(dirname "$0")/../lib/common.sh"

WORK="$BANGUI_ROOT/.bench/history"
PORT="${BENCH_HISTORY_PORT:-18097}"
ROWS="${HISTORY_ROWS:-1000000}"
export HISTORY_ORDER="${HISTORY_ORDER:-time}"
SECONDS_PER_RUN="${BENCH_SECONDS:-10}"
URL="http://127.0.0.1:$PORT"

cleanup() {
  stop_pid_file "$WORK/bangui.pid"
  stop_pid_file "$WORK/fail2ban/server.pid"
}
trap cleanup EXIT

ensure_packages wrk python3 curl
build_jar
cleanup
rm -rf "$WORK" && mkdir -p "$WORK"
write_fail2ban_sandbox "$WORK/fail2ban"
start_fail2ban "$WORK/fail2ban"

start_bangui() {
  BANGUI_RATE_LIMIT_GLOBAL=off BANGUI_COOKIE_SECURE=false \
  BANGUI_PORT="$PORT" BANGUI_DATABASE_PATH="$WORK/data/bangui.db" \
  BANGUI_FAIL2BAN_SOCKET="$WORK/fail2ban/fail2ban.sock" BANGUI_FAIL2BAN_CONFIG_DIR="$WORK/fail2ban/conf" \
    java -Xmx256m -XX:+ExitOnOutOfMemoryError -jar "$BANGUI_ROOT/bootstrap/target/bangui.jar" \
    >> "$WORK/bangui.log" 2>&1 &
  echo $! > "$WORK/bangui.pid"
  wait_http_ok "$URL/api/v1/health/ready" 60 || die "BanGUI did not start; see $WORK/bangui.log"
}

CACHE="${HISTORY_DATA_CACHE:-}"
if [ -n "$CACHE" ] && [ -s "$CACHE/bangui.db" ] && [ -s "$CACHE/password" ] && [ -s "$CACHE/rows" ] \
   && [ "$(cat "$CACHE/order" 2>/dev/null)" = "$HISTORY_ORDER" ]; then
  log "reusing the archive in $CACHE"
  mkdir -p "$WORK/data"
  cp "$CACHE/bangui.db" "$CACHE/session-secret" "$WORK/data/"
  PASSWORD=$(cat "$CACHE/password")
  read -r made distinct < "$CACHE/rows"
else
  log "creating the schema (first start) and completing setup"
  start_bangui
  PASSWORD=$(random_password)
  complete_setup "$URL" "$WORK/data/setup-token" "$PASSWORD"
  stop_pid_file "$WORK/bangui.pid"

  log "filling the archive with $ROWS bans"
  fill_start=$(date +%s)
  read -r made distinct <<<"$(python3 "$BANGUI_ROOT/scripts/bench/history_data.py" "$WORK/data/bangui.db" "$ROWS")"
  log "$made bans of $distinct addresses in $(( $(date +%s) - fill_start )) s"
  if [ -n "$CACHE" ]; then
    mkdir -p "$CACHE"
    cp "$WORK/data/bangui.db" "$WORK/data/session-secret" "$CACHE/"
    echo "$PASSWORD" > "$CACHE/password"
    echo "$made $distinct" > "$CACHE/rows"
    echo "$HISTORY_ORDER" > "$CACHE/order"
  fi
fi

log "restarting BanGUI with -Xmx256m"
start_bangui
login "$URL" "$PASSWORD" "$WORK/cookies.txt" >/dev/null
COOKIE="bangui_session=$(awk '$6 == "bangui_session" { print $7 }' "$WORK/cookies.txt")"
python3 "$BANGUI_ROOT/scripts/bench/history_cursors.py" "$WORK/data/bangui.db" > "$WORK/cases.txt"

wrk_p99() { # connections path -> p99 in ms
  local threads=$(( $1 < 2 ? 1 : 2 ))
  wrk -t"$threads" -c"$1" -d"${SECONDS_PER_RUN}s" --latency -H "Cookie: $COOKIE" "$URL$2" > "$WORK/wrk.out"
  grep -q "Non-2xx" "$WORK/wrk.out" && { cat "$WORK/wrk.out" >&2; die "non-2xx answers from $2"; }
  awk 'function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
       $1 == "99%" { printf "%.2f\n", ms($2) }' "$WORK/wrk.out"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

log "warming up"
wrk -t2 -c4 -d3s -H "Cookie: $COOKIE" "$URL/api/v1/history?limit=100" > /dev/null
{
  echo "History queries  $(date -u +%Y-%m-%dT%H:%M:%SZ)  $(nproc) cores, $made archived bans of $distinct addresses inserted in $HISTORY_ORDER order, -Xmx256m"
  printf '%-40s p99 %7s ms at c=1, %7s ms at c=4  (the floor of every authenticated request)\n' \
    "GET /api/v1/auth/session" "$(wrk_p99 1 /api/v1/auth/session)" "$(wrk_p99 4 /api/v1/auth/session)"
  while read -r name query plan; do
    [ "$name" = "rows" ] && { echo "selection sizes: $plan"; continue; }
    one=$(wrk_p99 1 "/api/v1/history?$query")
    four=$(wrk_p99 4 "/api/v1/history?$query")
    printf '%-40s p99 %7s ms at c=1, %7s ms at c=4  (target <= 10 ms, ratio %s at c=1, %s at c=4)  plan: %s\n' \
      "page of 100, $name" "$one" "$four" "$(ratio "$one" 10)" "$(ratio "$four" 10)" "$plan"
  done < "$WORK/cases.txt"

  times=()
  for _ in $(seq 1 20); do
    times+=("$(curl -s -o /dev/null -w '%{time_total}' -H "Cookie: $COOKIE" "$URL/api/v1/history/stats?bucket=day")")
  done
  read -r median worst <<<"$(printf '%s\n' "${times[@]}" | sort -n | awk '{ v[NR] = $1 * 1000 } END { printf "%.1f %.1f\n", v[int((NR + 1) / 2)], v[NR] }')"
  printf '%-40s median %6s ms, worst %6s ms  (target <= 200 ms, ratio %s)\n' "stats, 30 days by day" "$median" \
    "$worst" "$(ratio "$worst" 200)"

  read -r seconds bytes status <<<"$(curl -s -o "$WORK/export.ndjson" -w '%{time_total} %{size_download} %{http_code}' \
    -H "Cookie: $COOKIE" "$URL/api/v1/history/export?format=ndjson")"
  lines=$(wc -l < "$WORK/export.ndjson")
  kill -0 "$(cat "$WORK/bangui.pid")" 2>/dev/null || die "BanGUI died during the export (heap?); see $WORK/bangui.log"
  rate=$(awk -v n="$lines" -v s="$seconds" 'BEGIN { printf "%.0f", n / s }')
  printf '%-40s %s rows in %.2f s = %s rows/s, %d MB, HTTP %s  (target >= 200000 rows/s, ratio %s; heap capped at 256 MB: process alive, RSS peak %s MB)\n' \
    "export ndjson, whole archive" "$lines" "$seconds" "$rate" "$((bytes / 1048576))" "$status" "$(ratio "$rate" 200000)" \
    "$(awk '/VmHWM/ { printf "%d", $2 / 1024 }' "/proc/$(cat "$WORK/bangui.pid")/status")"
  rm -f "$WORK/export.ndjson"
} | tee "$WORK/results.txt"
