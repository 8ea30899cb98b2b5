#!/usr/bin/env bash
# Runs BanGUI for real on this machine: installs what is missing (JDK 17, fail2ban), starts a private
# fail2ban-server with three demo jails (no firewall is touched), feeds one jail a few failed logins so that
# bans show up at once, serves a small demo blocklist from loopback, and starts BanGUI on its embedded SQLite
# database. Completes first-run setup with a fresh random password, adds the demo blocklist (mirrored into the
# blocklist jail) and prints the URL and how to log in.
#
#   scripts/demo.sh          run in the foreground; Ctrl-C stops BanGUI and the demo fail2ban
#   scripts/demo.sh --detach leave both running in the background
#   scripts/demo.sh stop     stop a detached demo
#
# State lives in .demo/ (fail2ban config, socket, logs, BanGUI's database, recreated on every run);
# BANGUI_PORT picks the port.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

DEMO="$BANGUI_ROOT/.demo"
PORT="${BANGUI_PORT:-8080}"

LIST_PORT="${BANGUI_DEMO_LIST_PORT:-$((PORT + 1))}"

stop_demo() {
  stop_pid_file "$DEMO/bangui.pid"
  stop_pid_file "$DEMO/lists.pid"
  stop_pid_file "$DEMO/fail2ban/server.pid"
}

if [ "${1:-}" = "stop" ]; then
  stop_demo
  log "demo stopped"
  exit 0
fi

ensure_build_tools
build_jar
stop_demo

log "starting a private fail2ban in $DEMO/fail2ban"
rm -rf "$DEMO/fail2ban"
write_fail2ban_sandbox "$DEMO/fail2ban"
start_fail2ban "$DEMO/fail2ban"

log "writing failed logins into the sshd jail's log"
now=$(LC_ALL=C date '+%b %d %H:%M:%S')
# documentation addresses (no country) and a few public ones, so that the map and the history show countries;
# the demo jails use a dummy action, nothing is blocked
for ip in 203.0.113.10 203.0.113.11 198.51.100.200 2001:db8::bad 1.1.1.1 9.9.9.9 8.8.4.4; do
  for port in 50001 50002 50003; do
    echo "$now demo sshd[4242]: Failed password for root from $ip port $port ssh2" >> "$DEMO/fail2ban/logs/auth.log"
  done
done
echo "$now demo sshd[4242]: Failed password for admin from 192.0.2.99 port 50004 ssh2" >> "$DEMO/fail2ban/logs/auth.log"

log "serving a demo blocklist on http://127.0.0.1:$LIST_PORT/demo-list.txt"
rm -rf "$DEMO/lists" && mkdir -p "$DEMO/lists"
cat > "$DEMO/lists/demo-list.txt" <<'LIST'
# BanGUI demo blocklist: documentation ranges only
203.0.113.50
203.0.113.51 ; inline comment
198.51.100.128/26
2001:db8:bad::/48
192.0.2.250, covered by the jail's ignoreip: skipped and counted
not-an-address
LIST
(cd "$DEMO/lists" && exec python3 -m http.server "$LIST_PORT" --bind 127.0.0.1) > "$DEMO/lists.log" 2>&1 &
echo $! > "$DEMO/lists.pid"

log "starting BanGUI on http://127.0.0.1:$PORT"
rm -rf "$DEMO/data" && mkdir -p "$DEMO/data/geoip"
ensure_geo_db "$BANGUI_ROOT/.cache/geoip"
# a fresh bearer token for the Prometheus endpoint (printed below with a scrape command)
METRICS_TOKEN=$(python3 -c 'import secrets; print(secrets.token_urlsafe(32))')
cp "$BANGUI_ROOT/.cache/geoip/country.mmdb" "$DEMO/data/geoip/country.mmdb"
# plain HTTP on loopback: the cookie cannot be Secure here (keep the default, true, behind TLS)
BANGUI_COOKIE_SECURE=false \
BANGUI_PORT="$PORT" \
BANGUI_DATABASE_PATH="$DEMO/data/bangui.db" \
BANGUI_FAIL2BAN_SOCKET="$DEMO/fail2ban/fail2ban.sock" \
BANGUI_FAIL2BAN_CONFIG_DIR="$DEMO/fail2ban/conf" \
BANGUI_LOG_FORMAT="${BANGUI_LOG_FORMAT:-text}" \
BANGUI_BLOCKLIST_ALLOW_PRIVATE=true \
BANGUI_METRICS_TOKEN="$METRICS_TOKEN" \
  java -jar "$BANGUI_ROOT/bootstrap/target/bangui.jar" > "$DEMO/bangui.log" 2>&1 &
echo $! > "$DEMO/bangui.pid"

if ! wait_http_ok "http://127.0.0.1:$PORT/api/v1/health/ready" 60; then
  tail -n 40 "$DEMO/bangui.log" >&2
  stop_demo
  die "BanGUI did not become ready; the log is above"
fi

log "completing first-run setup"
PASSWORD=$(random_password)
URL="http://127.0.0.1:$PORT"
complete_setup "$URL" "$DEMO/data/setup-token" "$PASSWORD"
CSRF=$(login "$URL" "$PASSWORD" "$DEMO/cookies.txt")

log "adding the demo blocklist (BANGUI_BLOCKLIST_ALLOW_PRIVATE=true lets it come from loopback: demo only)"
status=$(curl -s -o "$DEMO/blocklist.json" -w '%{http_code}' -b "$DEMO/cookies.txt" -H "X-CSRF-Token: $CSRF" \
  -H 'Content-Type: application/json' "$URL/api/v1/blocklists" \
  -d "{\"name\":\"demo-list\",\"url\":\"http://127.0.0.1:$LIST_PORT/demo-list.txt\",\"jail\":\"blocklist\",\"schedule\":\"1h\"}")
[ "$status" = "201" ] || die "adding the demo blocklist answered $status: $(cat "$DEMO/blocklist.json")"

cat <<MSG

  BanGUI is running:  $URL/          (the web UI: open it in a browser)
  API:                $URL/api/v1
  Log in with:        password  $PASSWORD

  A session is already open in the cookie jar $DEMO/cookies.txt, with CSRF token
  $CSRF

  Try:
    curl -b $DEMO/cookies.txt $URL/api/v1/dashboard/status
    curl -b $DEMO/cookies.txt $URL/api/v1/jails
    curl -b $DEMO/cookies.txt '$URL/api/v1/bans?jail=sshd'
    curl -b $DEMO/cookies.txt -H 'X-CSRF-Token: $CSRF' -H 'Content-Type: application/json' \\
         -d '{"jail":"sshd","ip":"192.0.2.44"}' $URL/api/v1/bans
    curl -b $DEMO/cookies.txt '$URL/api/v1/audit?limit=10'
    curl -b $DEMO/cookies.txt '$URL/api/v1/history?limit=10'     (archived by history_sync, every 30 s)
    curl -b $DEMO/cookies.txt '$URL/api/v1/history/stats?bucket=hour'
    curl -b $DEMO/cookies.txt '$URL/api/v1/history/export?format=ndjson'
    curl -b $DEMO/cookies.txt $URL/api/v1/dashboard/map
    curl -b $DEMO/cookies.txt $URL/api/v1/geo/9.9.9.9
    curl -b $DEMO/cookies.txt $URL/api/v1/blocklists
    curl -b $DEMO/cookies.txt '$URL/api/v1/blocklists/imports?limit=5'
    curl -b $DEMO/cookies.txt -H 'X-CSRF-Token: $CSRF' -X POST $URL/api/v1/blocklists/1/import
    curl -b $DEMO/cookies.txt -H 'X-CSRF-Token: $CSRF' -X POST $URL/api/v1/blocklists/1/preview
      (edit $DEMO/lists/demo-list.txt, import again: the blocklist jail follows the list)
    OpenAPI: curl -b $DEMO/cookies.txt $URL/api/v1/openapi/bangui-v1.yml
    API docs (Swagger UI, after logging in to the web UI): $URL/api/v1/docs
    Metrics: curl -H 'Authorization: Bearer $METRICS_TOKEN' $URL/prometheus

  Log in again:
    curl -c jar -H 'Content-Type: application/json' -d '{"password":"$PASSWORD"}' $URL/api/v1/auth/login

  Logs: $DEMO/bangui.log, $DEMO/fail2ban/fail2ban.log, $DEMO/lists.log

MSG

if [ "${1:-}" = "--detach" ]; then
  log "running in the background; stop with: scripts/demo.sh stop"
  exit 0
fi

trap 'stop_demo; log "demo stopped"' EXIT INT TERM
log "press Ctrl-C to stop"
wait "$(cat "$DEMO/bangui.pid")"
