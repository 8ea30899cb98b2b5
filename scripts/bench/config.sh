#!/usr/bin/env bash
# Benchmark of the configuration editor (issue 10), on a private fail2ban and BanGUI:
#   1. parse of the whole stock Debian config dir with every jail's effective view (scripts/bench/config-parse.sh):
#      cold (first read in a fresh JVM) and warm p50; targets <= 300 ms cold, <= 50 ms warm
#   2. edit + test + reload of one jail through the API (PUT /config/jails/sshd, then POST /config/reload
#      {"jail":"sshd"}) divided by `fail2ban-client reload sshd` alone, interleaved A/B/B/A; target <= 1.3x
# Runnable alone: scripts/bench/config.sh (builds the jar if needed). CONFIG_BENCH_ROUNDS sets the rounds (20).
set -euo pipefail
source "$(dirname "$0")/../lib/common.sh"

BENCH="${BENCH:-$BANGUI_ROOT/.bench}"
WORK="$BENCH/config"
PORT="${CONFIG_BENCH_PORT:-18096}"
URL="http://127.0.0.1:$PORT"
build_jar
ensure_packages python3 fail2ban
cleanup() {
  stop_pid_file "$WORK/service.pid"
  stop_pid_file "$WORK/fail2ban/server.pid"
}
trap cleanup EXIT
cleanup
rm -rf "$WORK"
mkdir -p "$WORK"

"$BANGUI_ROOT/scripts/bench/config-parse.sh"

log "fail2ban sandbox"
write_fail2ban_sandbox "$WORK/fail2ban"
start_fail2ban "$WORK/fail2ban"

TOKEN="config-bench-token"
PASSWORD="$(random_password)"
log "starting BanGUI on port $PORT"
BANGUI_PORT="$PORT" BANGUI_DATABASE_PATH="$WORK/data/bangui.db" BANGUI_SETUP_TOKEN="$TOKEN" \
  BANGUI_FAIL2BAN_SOCKET="$WORK/fail2ban/fail2ban.sock" BANGUI_FAIL2BAN_CONFIG_DIR="$WORK/fail2ban/conf" \
  BANGUI_COOKIE_SECURE=false BANGUI_LOG_FORMAT=text BANGUI_RATE_LIMIT_GLOBAL=off \
  BANGUI_RATE_LIMIT_CONFIG_WRITES=off BANGUI_HISTORY_SYNC_INTERVAL=1h \
  java -Xmx256m ${BENCH_JAVA_OPTS:-} -jar "$BANGUI_ROOT/bootstrap/target/bangui.jar" >"$WORK/service.log" 2>&1 &
echo $! > "$WORK/service.pid"
wait_http_ok "$URL/api/v1/setup" 60 || die "BanGUI did not start; see $WORK/service.log"
echo "$TOKEN" > "$WORK/token"
complete_setup "$URL" "$WORK/token" "$PASSWORD"
CSRF=$(login "$URL" "$PASSWORD" "$WORK/cookies")

python3 "$BANGUI_ROOT/scripts/bench/config.py" "$URL" "$WORK/cookies" "$CSRF" "$WORK/fail2ban/conf" \
  "$WORK/fail2ban/fail2ban.sock" "${CONFIG_BENCH_ROUNDS:-20}"
