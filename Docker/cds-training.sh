#!/usr/bin/env bash
# AppCDS training run: starts BanGUI once with -XX:ArchiveClassesAtExit, lets it load what a start and the
# first requests load, stops it with SIGTERM and leaves the class-data archive behind. Later starts with
# -XX:SharedArchiveFile=<archive> map those classes instead of loading, verifying and linking them again
# (Docs/PERFORMANCE.md, "Start time and memory"). Run at image build time by Docker/Dockerfile.backend and by
# scripts/bench/startup.sh:
#   cds-training.sh <bangui.jar> <archive.jsa> [the JVM flags the service runs with...]
# The archive is only valid for the same JVM build and the same jar at the same path: the image builds it after both are in
# place, and the JVM ignores a stale one (it then starts without it, as before). A private fail2ban-server on
# an empty configuration is started when the binary is there, so that start-up takes its usual path.
set -euo pipefail

jar="$1" archive="$2"
shift 2
case "$jar" in
  /*) ;;
  # the archive records the class path as spelt here, and a start with another spelling cannot use it
  *) echo "cds-training: give the jar's absolute path, as the service's command line spells it" >&2; exit 2 ;;
esac
work=$(mktemp -d)
bangui_pid=""
fail2ban_pid=""
cleanup() {
  [ -n "$bangui_pid" ] && kill "$bangui_pid" 2>/dev/null || true
  [ -n "$fail2ban_pid" ] && kill "$fail2ban_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

if command -v fail2ban-server >/dev/null && [ -f /etc/fail2ban/fail2ban.conf ]; then
  mkdir -p "$work/fail2ban"
  cp /etc/fail2ban/fail2ban.conf "$work/fail2ban/"
  : > "$work/fail2ban/jail.conf"
  fail2ban-server -c "$work/fail2ban" -f -x -s "$work/fail2ban.sock" -p "$work/fail2ban.pid" \
    --logtarget "$work/fail2ban.log" >/dev/null 2>&1 &
  fail2ban_pid=$!
fi

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' \
  2>/dev/null || echo 18099)
url="http://127.0.0.1:$port"
BANGUI_HOST=127.0.0.1 BANGUI_PORT="$port" BANGUI_DATABASE_PATH="$work/data/bangui.db" \
BANGUI_FAIL2BAN_SOCKET="$work/fail2ban.sock" BANGUI_FAIL2BAN_CONFIG_DIR="$work/fail2ban" \
BANGUI_LOG_FORMAT=json \
  java "$@" -XX:ArchiveClassesAtExit="$archive" -jar "$jar" > "$work/bangui.log" 2>&1 &
bangui_pid=$!

live=""
for _ in $(seq 1 600); do
  if curl -fsS -o /dev/null "$url/api/v1/health/live" 2>/dev/null; then
    live=yes
    break
  fi
  kill -0 "$bangui_pid" 2>/dev/null || break
  sleep 0.1
done
if [ -z "$live" ]; then
  cat "$work/bangui.log" >&2
  echo "cds-training: BanGUI did not start" >&2
  exit 1
fi
# the first requests: a probe, the setup state, a refused login, an unauthenticated API call, the web UI
for path in /api/v1/health/ready /api/v1/setup /api/v1/auth/session /api/v1/jails / /login; do
  curl -s -o /dev/null "$url$path" || true
done
curl -s -o /dev/null -H 'Content-Type: application/json' -d '{"password":"not-the-password"}' \
  "$url/api/v1/auth/login" || true

kill -TERM "$bangui_pid"
status=0
wait "$bangui_pid" || status=$?
bangui_pid=""
# 143 is a JVM that ended on SIGTERM after its shutdown hooks ran, which is when the archive is written
if [ "$status" -ne 0 ] && [ "$status" -ne 143 ]; then
  cat "$work/bangui.log" >&2
  echo "cds-training: BanGUI exited with status $status" >&2
  exit 1
fi
if [ ! -s "$archive" ]; then
  cat "$work/bangui.log" >&2
  echo "cds-training: no archive was written to $archive" >&2
  exit 1
fi
echo "cds-training: $(du -h "$archive" | cut -f1) archive at $archive"
