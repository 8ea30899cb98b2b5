#!/usr/bin/env bash
# Start time and memory of the packaged jar (Docs/PERFORMANCE.md, "Start time and memory"), on a private
# fail2ban with the demo's 3 jails and its own SQLite file per run:
#   - process start to ready (GET /api/v1/health/ready answers 200) of a restart (the database exists), median
#     of STARTUP_RUNS (default 5) runs each, with: the JVM's defaults; the image's flags with a 512 MB container emulated (-XX:MaxRAM=512m);
#     the same plus the AppCDS archive the image builds (Docker/cds-training.sh); and, for reference only, the
#     same plus C1 only (-XX:TieredStopAtLevel=1)
#   - RSS idle (10 s after a login), after 100,000 mixed requests (scripts/bench/mixed.lua) and after a second
#     100,000, with the image's flags and the geo-IP file
#   - p99 of GET /api/v1/jails (c=16) with the image's flags against the JVM's defaults, interleaved A B B A
# Run by scripts/bench.sh; alone: scripts/bench/startup.sh. BENCH_SECONDS (default 15) sets each wrk run.
set -euo pipefail
source "$(dirname "$0")/../lib/common.sh"

BENCH="$BANGUI_ROOT/.bench/startup"
JAR="$BANGUI_ROOT/bootstrap/target/bangui.jar"
PORT="${BENCH_PORT:-18091}"
URL="http://127.0.0.1:$PORT"
RUNS="${STARTUP_RUNS:-5}"
SECONDS_PER_RUN="${BENCH_SECONDS:-15}"
MIXED="${MIXED_REQUESTS:-100000}"
# the flags of Docker/Dockerfile.backend's ENTRYPOINT (read from it, so that they cannot drift apart), with the
# container's memory limit emulated
IMAGE_FLAGS="-XX:MaxRAM=512m $(python3 "$BANGUI_ROOT/scripts/bench/image_flags.py" "$BANGUI_ROOT/Docker/Dockerfile.backend")"

cleanup() {
  stop_pid_file "$BENCH/bangui.pid"
  stop_pid_file "$BENCH/fail2ban/server.pid"
}
trap cleanup EXIT

ensure_build_tools
ensure_packages wrk python3 curl
build_jar
cleanup
rm -rf "$BENCH" && mkdir -p "$BENCH"
# the geo-IP country file, as the image has it (its reader holds the file in the heap)
ensure_geo_db "$BANGUI_ROOT/.cache/geoip"
GEO="$BANGUI_ROOT/.cache/geoip/country.mmdb"
write_fail2ban_sandbox "$BENCH/fail2ban"
start_fail2ban "$BENCH/fail2ban"

# start <java flags...>: starts BanGUI on the run's database (created by the first start: the figures are
# restarts, as after an upgrade or a reboot); prints the milliseconds from exec to ready
start() {
  stop_pid_file "$BENCH/bangui.pid"
  local start_ns; start_ns=$(date +%s%N)
  BANGUI_RATE_LIMIT_GLOBAL=off BANGUI_COOKIE_SECURE=false BANGUI_GEOIP_DB_PATH="$GEO" \
  BANGUI_PORT="$PORT" BANGUI_DATABASE_PATH="$BENCH/data/bangui.db" \
  BANGUI_FAIL2BAN_SOCKET="$BENCH/fail2ban/fail2ban.sock" BANGUI_FAIL2BAN_CONFIG_DIR="$BENCH/fail2ban/conf" \
    java "$@" -jar "$JAR" > "$BENCH/bangui.log" 2>&1 &
  echo $! > "$BENCH/bangui.pid"
  for _ in $(seq 1 3000); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$URL/api/v1/health/ready")" = "200" ] && break
    sleep 0.005
  done
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$URL/api/v1/health/ready")" = "200" ] \
    || { cat "$BENCH/bangui.log" >&2; die "BanGUI did not become ready"; }
  echo $(( ($(date +%s%N) - start_ns) / 1000000 ))
}

# median_start <label> <java flags...>: prints "label median min max" over RUNS starts
median_start() {
  local label="$1"; shift
  local times=()
  for _ in $(seq 1 "$RUNS"); do times+=("$(start "$@")"); done
  stop_pid_file "$BENCH/bangui.pid"
  printf '%s\n' "${times[@]}" | sort -n | awk -v l="$label" '{ t[NR] = $1 } END { printf "%s %d %d %d\n", l, t[int((NR + 1) / 2)], t[1], t[NR] }'
}

PASSWORD=$(random_password)
session() { # after start (setup done by the first start): logs in, prints the Cookie header value
  login "$URL" "$PASSWORD" "$BENCH/cookies.txt" >/dev/null
  echo "bangui_session=$(awk '$6 == "bangui_session" { print $7 }' "$BENCH/cookies.txt")"
}

rss_mb() { awk '/^VmRSS:/ { printf "%d", $2 / 1024 }' "/proc/$(cat "$BENCH/bangui.pid")/status"; }

log "AppCDS: training run (Docker/cds-training.sh, as the image build does)"
rm -f "$BENCH/bangui.jsa"
bash "$BANGUI_ROOT/Docker/cds-training.sh" "$JAR" "$BENCH/bangui.jsa" $IMAGE_FLAGS > "$BENCH/cds-training.log" 2>&1 \
  || { cat "$BENCH/cds-training.log" >&2; die "the AppCDS training run failed"; }
CDS="-XX:SharedArchiveFile=$BENCH/bangui.jsa"

log "first start: creates the database"
start > /dev/null
complete_setup "$URL" "$BENCH/data/setup-token" "$PASSWORD"
stop_pid_file "$BENCH/bangui.pid"

log "start to ready, $RUNS runs each"
# shellcheck disable=SC2086
{
  median_start default
  median_start image $IMAGE_FLAGS
  median_start image+cds $IMAGE_FLAGS $CDS
  median_start image+cds+c1 $IMAGE_FLAGS $CDS -XX:TieredStopAtLevel=1
} > "$BENCH/starts.txt"

log "memory with the image's flags (and the archive)"
# shellcheck disable=SC2086
start $IMAGE_FLAGS $CDS > /dev/null
COOKIE=$(session)
sleep 10
rss_idle=$(rss_mb)
# wrk runs for its whole duration even when every thread has sent its share (mixed.lua stops them there): a
# 5 s run measures the rate, and the real runs last long enough for the share plus 3 s
wrk -t2 -c16 -d5s -s "$BANGUI_ROOT/scripts/bench/mixed.lua" -H "Cookie: $COOKIE" "$URL" -- "$MIXED" > "$BENCH/mixed0.out"
mixed_seconds=$(awk -v n="$MIXED" '/^Requests\/sec:/ { printf "%d", n / $2 + 3 }' "$BENCH/mixed0.out")
wrk -t2 -c16 -d"${mixed_seconds}s" -s "$BANGUI_ROOT/scripts/bench/mixed.lua" -H "Cookie: $COOKIE" "$URL" -- "$MIXED" \
  > "$BENCH/mixed1.out"
rss_first=$(rss_mb)
wrk -t2 -c16 -d"${mixed_seconds}s" -s "$BANGUI_ROOT/scripts/bench/mixed.lua" -H "Cookie: $COOKIE" "$URL" -- "$MIXED" \
  > "$BENCH/mixed2.out"
rss_second=$(rss_mb)
sent0=$(awk '/requests in/ { print $1 }' "$BENCH/mixed0.out")
sent1=$(awk '/requests in/ { print $1 }' "$BENCH/mixed1.out")
sent2=$(awk '/requests in/ { print $1 }' "$BENCH/mixed2.out")

p99_jails() { # -> p99 ms of GET /api/v1/jails at c=16 on the running instance
  wrk -t2 -c16 -d"${SECONDS_PER_RUN}s" --latency -H "Cookie: $COOKIE" "$URL/api/v1/jails" > "$BENCH/wrk.out"
  grep -q "Non-2xx" "$BENCH/wrk.out" && { cat "$BENCH/wrk.out" >&2; die "non-2xx answers"; }
  awk 'function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
       $1 == "99%" { printf "%.3f", ms($2) }' "$BENCH/wrk.out"
}
run_p99() { # <java flags...> -> p99 after a 5 s warm-up
  start "$@" > /dev/null
  COOKIE=$(session)
  wrk -t2 -c16 -d5s -H "Cookie: $COOKIE" "$URL/api/v1/jails" > /dev/null
  p99_jails
}
log "p99 of GET /api/v1/jails: image flags vs defaults, A B B A"
# shellcheck disable=SC2086
{
  a1=$(run_p99 $IMAGE_FLAGS $CDS); b1=$(run_p99); b2=$(run_p99); a2=$(run_p99 $IMAGE_FLAGS $CDS)
}
stop_pid_file "$BENCH/bangui.pid"

figure() { awk -v k="$1" -v f="$2" '$1 == k { print $f }' "$BENCH/starts.txt"; }
{
  echo "Start time and memory  $(date -u +%Y-%m-%dT%H:%M:%SZ)  $(nproc) cores, $(java -version 2>&1 | head -1)"
  echo "image flags: $IMAGE_FLAGS"
  printf '%-52s %10s %8s %8s\n' "start to ready (ms), $RUNS runs" "median" "min" "max"
  printf '%-52s %10s %8s %8s\n' "JVM defaults" "$(figure default 2)" "$(figure default 3)" "$(figure default 4)"
  printf '%-52s %10s %8s %8s\n' "image flags" "$(figure image 2)" "$(figure image 3)" "$(figure image 4)"
  printf '%-52s %10s %8s %8s\n' "image flags + AppCDS archive" "$(figure image+cds 2)" "$(figure image+cds 3)" "$(figure image+cds 4)"
  printf '%-52s %10s %8s %8s\n' "image flags + AppCDS + C1 only (reference)" "$(figure image+cds+c1 2)" "$(figure image+cds+c1 3)" "$(figure image+cds+c1 4)"
  echo "start to ready with the image's setup: $(figure image+cds 2) ms (target: 2000 ms; ratio $(awk -v a="$(figure image+cds 2)" 'BEGIN { printf "%.2f", a / 2000 }'))"
  echo "RSS idle: ${rss_idle} MB (target: 200 MB; ratio $(awk -v a="$rss_idle" 'BEGIN { printf "%.2f", a / 200 }'))"
  echo "RSS after ${sent0} (rate probe) + ${sent1} mixed requests: ${rss_first} MB (target: 320 MB; ratio $(awk -v a="$rss_first" 'BEGIN { printf "%.2f", a / 320 }')); after ${sent2} more: ${rss_second} MB ($(awk -v a="$rss_second" -v b="$rss_first" 'BEGIN { printf "%+d MB", a - b }'))"
  echo "p99 GET /api/v1/jails (c=16): image flags ${a1} / ${a2} ms, JVM defaults ${b1} / ${b2} ms; image/default $(awk -v a1="$a1" -v a2="$a2" -v b1="$b1" -v b2="$b2" 'BEGIN { printf "%.2f", (a1 + a2) / (b1 + b2) }') (target: at most 1.10)"
} | tee "$BENCH/results.txt"
