#!/usr/bin/env bash
# Interleaved A/B of two BanGUI jars against one private fail2ban with 10,000 bans:
#   scripts/bench/compare.sh BASELINE_JAR [PATHS...]
# The baseline runs without a session (a build from before authentication existed); the current jar
# (bootstrap/target/bangui.jar) runs with a session cookie validated on every request. Each round measures
# both, one after the other, with wrk at concurrency 16; the medians over ROUNDS (default 5) are printed.
# BASELINE_SESSION=1: the baseline has sessions too (a build from after authentication); it is set up and
# logged in like the current one, so both sides validate a session on every request.
# Build a baseline with: git worktree add /tmp/base <commit> && (cd /tmp/base && ./mvnw -q -o package -DskipTests)
set -euo pipefail
source "$(dirname "$0")/../lib/common.sh"

BASELINE="${1:?usage: compare.sh BASELINE_JAR [PATHS...]}"
shift
PATHS=("${@:-/api/v1/jails /api/v1/dashboard/status}")
read -r -a PATHS <<<"${PATHS[*]}"
ROUNDS="${ROUNDS:-5}"
SECONDS_PER_RUN="${BENCH_SECONDS:-8}"
WORK="$BANGUI_ROOT/.bench/compare"

cleanup() {
  stop_pid_file "$WORK/base.pid"
  stop_pid_file "$WORK/current.pid"
  stop_pid_file "$WORK/fail2ban/server.pid"
}
trap cleanup EXIT
ensure_build_tools
ensure_packages wrk python3
build_jar
cleanup
rm -rf "$WORK" && mkdir -p "$WORK"
write_fail2ban_sandbox "$WORK/fail2ban"
start_fail2ban "$WORK/fail2ban"
F2B=(fail2ban-client -c "$WORK/fail2ban/conf" -s "$WORK/fail2ban/fail2ban.sock")
for batch in $(seq 0 9); do
  mapfile -t ips < <(python3 -c "
for i in range($batch * 1000, ($batch + 1) * 1000):
    print('10.%d.%d.%d' % (100 + i // 65536, (i // 256) % 256, i % 256))")
  "${F2B[@]}" set blocklist banip "${ips[@]}" >/dev/null
done

start_jar() { # name jar port
  BANGUI_RATE_LIMIT_GLOBAL=off BANGUI_COOKIE_SECURE=false BANGUI_PORT="$3" \
  BANGUI_DATABASE_PATH="$WORK/$1/bangui.db" BANGUI_FAIL2BAN_SOCKET="$WORK/fail2ban/fail2ban.sock" \
  BANGUI_FAIL2BAN_CONFIG_DIR="$WORK/fail2ban/conf" java -jar "$2" > "$WORK/$1.log" 2>&1 &
  echo $! > "$WORK/$1.pid"
  wait_http_ok "http://127.0.0.1:$3/api/v1/health/live" 60 || die "$1 did not start"
}
start_jar base "$BASELINE" 18091
start_jar current "$BANGUI_ROOT/bootstrap/target/bangui.jar" 18092
PASSWORD=$(random_password)
complete_setup http://127.0.0.1:18092 "$WORK/current/setup-token" "$PASSWORD"
login http://127.0.0.1:18092 "$PASSWORD" "$WORK/cookies.txt" >/dev/null
COOKIE="bangui_session=$(awk '$6 == "bangui_session" { print $7 }' "$WORK/cookies.txt")"
BASE_HEADER=""
if [ "${BASELINE_SESSION:-0}" = "1" ]; then
  complete_setup http://127.0.0.1:18091 "$WORK/base/setup-token" "$PASSWORD"
  login http://127.0.0.1:18091 "$PASSWORD" "$WORK/base-cookies.txt" >/dev/null
  BASE_HEADER="Cookie: bangui_session=$(awk '$6 == "bangui_session" { print $7 }' "$WORK/base-cookies.txt")"
fi

rps() { # url [header]
  wrk -t2 -c16 -d"${SECONDS_PER_RUN}s" ${2:+-H "$2"} "$1" | awk '$1 == "Requests/sec:" { print $2 }'
}
for path in "${PATHS[@]}"; do
  wrk -t2 -c16 -d3s ${BASE_HEADER:+-H "$BASE_HEADER"} "http://127.0.0.1:18091$path" >/dev/null
  wrk -t2 -c16 -d3s -H "Cookie: $COOKIE" "http://127.0.0.1:18092$path" >/dev/null
  base=() current=()
  for _ in $(seq 1 "$ROUNDS"); do
    base+=("$(rps "http://127.0.0.1:18091$path" "$BASE_HEADER")")
    current+=("$(rps "http://127.0.0.1:18092$path" "Cookie: $COOKIE")")
  done
  printf '%s\n' "${base[@]}" > "$WORK/base.txt"
  printf '%s\n' "${current[@]}" > "$WORK/current.txt"
  python3 - "$path" "$WORK/base.txt" "$WORK/current.txt" <<'PY'
import statistics, sys
path, base, cur = sys.argv[1], [float(x) for x in open(sys.argv[2])], [float(x) for x in open(sys.argv[3])]
b, c = statistics.median(base), statistics.median(cur)
print(f"{path}: baseline median {b:.0f} req/s {sorted(base)}; "
      f"current median {c:.0f} req/s {sorted(cur)}; change {100 * (c - b) / b:+.1f}%")
PY
done
