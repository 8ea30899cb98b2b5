#!/usr/bin/env bash
# Benchmark of history_sync (issue 8): one run copying 100,000 new rows of a fail2ban-schema database into the
# archive, BanGUI started with -Xmx256m and BANGUI_FAIL2BAN_DB_PATH pointing at the file. The run's time comes
# from the job run record (startedAt to finishedAt in GET /api/v1/jobs/runs). Target: <= 5 s within the heap.
# Runnable alone: scripts/bench/history-sync.sh (builds the jar if needed). HISTORY_SYNC_ADDRESSES=public bans
# public addresses (45.x.y.z) and gives BanGUI the CC0 geo-IP file, so that every row's country is a real lookup
# (the default 10.x.y.z addresses are private: geo answers them without a lookup).
set -euo pipefail
source "$(dirname "$0")/../lib/common.sh"

ROWS="${HISTORY_SYNC_ROWS:-100000}"
ADDRESSES="${HISTORY_SYNC_ADDRESSES:-private}"
BENCH="${BENCH:-$BANGUI_ROOT/.bench}"
WORK="$BENCH/history-sync"
build_jar
rm -rf "$WORK"
mkdir -p "$WORK"
if [ "$ADDRESSES" = public ]; then
  ensure_geo_db "$BANGUI_ROOT/.cache/geoip"
  mkdir -p "$WORK/data/geoip"
  cp "$BANGUI_ROOT/.cache/geoip/country.mmdb" "$WORK/data/geoip/country.mmdb"
fi

log "writing $ROWS bans into a fail2ban-schema database"
python3 - "$WORK/fail2ban.sqlite3" "$ROWS" "$ADDRESSES" <<'PY'
import json, sqlite3, sys, time
db = sqlite3.connect(sys.argv[1])
rows = int(sys.argv[2])
first = 45 if sys.argv[3] == "public" else 10
db.executescript("""
CREATE TABLE fail2banDb(version INTEGER); INSERT INTO fail2banDb VALUES (4);
CREATE TABLE jails(name TEXT NOT NULL UNIQUE, enabled INTEGER NOT NULL DEFAULT 1);
INSERT INTO jails(name) VALUES ('sshd'), ('nginx-http-auth');
CREATE TABLE bans(jail TEXT NOT NULL, ip TEXT, timeofban INTEGER NOT NULL, bantime INTEGER NOT NULL,
  bancount INTEGER NOT NULL default 1, data JSON, FOREIGN KEY(jail) REFERENCES jails(name));
CREATE INDEX bans_jail_timeofban_ip ON bans(jail, timeofban);
CREATE INDEX bans_jail_ip ON bans(jail, ip);
CREATE INDEX bans_ip ON bans(ip);
CREATE TABLE bips(ip TEXT NOT NULL, jail TEXT NOT NULL, timeofban INTEGER NOT NULL, bantime INTEGER NOT NULL,
  bancount INTEGER NOT NULL default 1, data JSON, PRIMARY KEY(ip, jail), FOREIGN KEY(jail) REFERENCES jails(name));
CREATE INDEX bips_timeofban ON bips(timeofban);
CREATE INDEX bips_ip ON bips(ip);
""")
start = int(time.time()) - rows - 60
def row(i):
    ip = "%d.%d.%d.%d" % (first, (i >> 16) & 255, (i >> 8) & 255, i & 255)
    jail = "sshd" if i % 3 else "nginx-http-auth"
    matches = ["Nov 21 05:00:0%d host sshd[4242]: Failed password for root from %s port 5000%d ssh2" % (k, ip, k)
               for k in range(3 + i % 7)]
    return (jail, ip, start + i, 3600, 1, json.dumps({"matches": matches, "failures": len(matches)}))
data = [row(i) for i in range(rows)]
db.executemany("INSERT INTO bans(jail, ip, timeofban, bantime, bancount, data) VALUES (?, ?, ?, ?, ?, ?)", data)
db.executemany("INSERT OR REPLACE INTO bips(jail, ip, timeofban, bantime, bancount, data) VALUES (?, ?, ?, ?, ?, ?)",
               data)
db.commit()
PY

PORT="${HISTORY_SYNC_PORT:-18093}"
TOKEN="history-sync-bench-token"
PASSWORD="$(random_password)"
log "starting BanGUI with -Xmx256m on port $PORT"
BANGUI_PORT="$PORT" BANGUI_DATABASE_PATH="$WORK/data/bangui.db" BANGUI_FAIL2BAN_DB_PATH="$WORK/fail2ban.sqlite3" \
  BANGUI_FAIL2BAN_SOCKET="$WORK/absent.sock" BANGUI_SETUP_TOKEN="$TOKEN" BANGUI_COOKIE_SECURE=false \
  BANGUI_HISTORY_SYNC_INTERVAL=1h BANGUI_LOG_FORMAT=text \
  java -Xmx256m -XX:+ExitOnOutOfMemoryError ${BENCH_JAVA_OPTS:-} -jar "$BANGUI_ROOT/bootstrap/target/bangui.jar" >"$WORK/service.log" 2>&1 &
echo $! > "$WORK/service.pid"
trap 'stop_pid_file "$WORK/service.pid"' EXIT
wait_http_ok "http://127.0.0.1:$PORT/api/v1/setup" 60 || die "BanGUI did not start; see $WORK/service.log"
echo "$TOKEN" > "$WORK/token"
complete_setup "http://127.0.0.1:$PORT" "$WORK/token" "$PASSWORD"
login "http://127.0.0.1:$PORT" "$PASSWORD" "$WORK/cookies" >/dev/null

# the first run starts with the service; wait for it to end
run=""
for _ in $(seq 1 600); do
  run=$(curl -s -b "$WORK/cookies" "http://127.0.0.1:$PORT/api/v1/jobs/runs?job=history_sync&limit=1")
  if python3 -c 'import json,sys; r=json.loads(sys.argv[1])["runs"]; sys.exit(0 if r and r[0]["outcome"] else 1)' "$run" 2>/dev/null; then
    break
  fi
  sleep 0.1
done
alive=yes; kill -0 "$(cat "$WORK/service.pid")" 2>/dev/null || alive=no
python3 - "$run" "$ROWS" "$alive" "$ADDRESSES" <<'PY'
import datetime, json, sys
run = json.loads(sys.argv[1])["runs"][0]
start = datetime.datetime.fromisoformat(run["startedAt"].replace("Z", "+00:00"))
end = datetime.datetime.fromisoformat(run["finishedAt"].replace("Z", "+00:00"))
seconds = (end - start).total_seconds()
print("history_sync of %s new fail2ban rows (%s addresses): %.2f s (target: <= 5 s; ratio %.2f); outcome %s, detail '%s'"
      % (sys.argv[2], sys.argv[4], seconds, seconds / 5, run["outcome"], run["detail"]))
print("heap: -Xmx256m, the service %s after the run (no OutOfMemoryError)"
      % ("was still running" if sys.argv[3] == "yes" else "HAD EXITED"))
PY
