#!/usr/bin/env bash
# Benchmark of blocklist imports (issue 9), BanGUI started with -Xmx256m, a private fail2ban, and the lists served
# from loopback by python3's http.server (Last-Modified / If-Modified-Since: an unchanged file answers 304).
#   1. a 1,000,000-entry list (IPv4, IPv6, CIDR, comments, 2% invalid lines): download, parse and diff, timed
#      as POST /blocklists/{id}/preview (the import's own steps, nothing applied); target <= 3 s
#   2. apply of 100,000 new entries (an import into an empty jail, from the import log's startedAt/finishedAt)
#      divided by a raw batched `banip` of the same set into another empty jail in the same run, interleaved
#      raw, BanGUI, BanGUI, raw; target <= 1.2x
#   3. the 1M list imported for real, then re-imported unchanged: with a full download (the file touched, so the
#      server answers 200) target <= 2 s, and with a 304 target <= 50 ms
# Runnable alone: scripts/bench/blocklist.sh (builds the jar if needed). BLOCKLIST_BENCH_ENTRIES changes 1M.
set -euo pipefail
source "$(dirname "$0")/../lib/common.sh"

ENTRIES="${BLOCKLIST_BENCH_ENTRIES:-1000000}"
APPLY="${BLOCKLIST_BENCH_APPLY:-100000}"
BENCH="${BENCH:-$BANGUI_ROOT/.bench}"
WORK="$BENCH/blocklist"
PORT="${BLOCKLIST_BENCH_PORT:-18094}"
LIST_PORT="${BLOCKLIST_BENCH_LIST_PORT:-18095}"
URL="http://127.0.0.1:$PORT"
build_jar
ensure_packages python3 fail2ban
cleanup() {
  stop_pid_file "$WORK/service.pid"
  stop_pid_file "$WORK/lists.pid"
  stop_pid_file "$WORK/fail2ban/server.pid"
}
trap cleanup EXIT
cleanup
rm -rf "$WORK"
mkdir -p "$WORK/lists"

log "writing the lists ($ENTRIES entries, and $APPLY for the apply)"
python3 - "$WORK/lists" "$ENTRIES" "$APPLY" <<'PY'
import random, sys
out, n, apply_n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rng = random.Random(20261122)
with open(out + "/big.txt", "w") as f:
    for i in range(n):
        if i % 1000 == 0:
            f.write("# section %d\n" % (i // 1000))
        r = i % 100
        if r < 2:
            f.write("not-an-address-%d\n" % i)
        elif r < 10:
            f.write("2001:db8:%x:%x::%x\n" % (i >> 16, i & 0xffff, rng.randrange(1, 65535)))
        elif r < 13:
            f.write("%d.%d.%d.0/24 ; SBL%d\n" % (11 + (i >> 24) % 100, (i >> 16) & 255, (i >> 8) & 255, i))
        else:
            f.write("%d.%d.%d.%d\n" % (11 + (i >> 24) % 100, (i >> 16) & 255, (i >> 8) & 255, i & 255 or 1))
with open(out + "/apply.txt", "w") as f, open(out + "/apply.raw", "w") as raw:
    for i in range(apply_n):
        ip = "45.%d.%d.%d" % ((i >> 16) & 255, (i >> 8) & 255, (i & 255) or 1) if (i & 255) else "46.%d.%d.1" % ((i >> 16) & 255, (i >> 8) & 255)
        f.write(ip + "\n")
        raw.write(ip + "\n")
PY
ls -la "$WORK/lists" >&2

log "fail2ban sandbox"
write_fail2ban_sandbox "$WORK/fail2ban"
# four more empty jails like the blocklist jail (no action runs), for the apply measured A/B/B/A: raw banip into
# apply-a and apply-d, BanGUI into apply-b and apply-c (single runs vary by 30% on a 2-core VM)
for jail in apply-a apply-b apply-c apply-d; do
  cat >> "$WORK/fail2ban/conf/jail.local" <<JAIL

[$jail]
enabled = true
filter = bangui-blocklist
bantime = 86400
logpath = $WORK/fail2ban/logs/blocklist.log
JAIL
done
start_fail2ban "$WORK/fail2ban"

log "serving the lists on 127.0.0.1:$LIST_PORT"
(cd "$WORK/lists" && exec python3 -m http.server "$LIST_PORT" --bind 127.0.0.1) >"$WORK/lists.log" 2>&1 &
echo $! > "$WORK/lists.pid"
wait_http_ok "http://127.0.0.1:$LIST_PORT/apply.txt" 20 || die "the list server did not start"

TOKEN="blocklist-bench-token"
PASSWORD="$(random_password)"
log "starting BanGUI with -Xmx256m on port $PORT"
BANGUI_PORT="$PORT" BANGUI_DATABASE_PATH="$WORK/data/bangui.db" BANGUI_SETUP_TOKEN="$TOKEN" \
  BANGUI_FAIL2BAN_SOCKET="$WORK/fail2ban/fail2ban.sock" BANGUI_FAIL2BAN_CONFIG_DIR="$WORK/fail2ban/conf" \
  BANGUI_COOKIE_SECURE=false BANGUI_LOG_FORMAT=text BANGUI_RATE_LIMIT_GLOBAL=off \
  BANGUI_RATE_LIMIT_BLOCKLIST_IMPORTS=off BANGUI_RATE_LIMIT_CONFIG_WRITES=off BANGUI_BLOCKLIST_ALLOW_PRIVATE=true \
  BANGUI_BLOCKLIST_CHECK_INTERVAL=1s BANGUI_HISTORY_SYNC_INTERVAL=1h BANGUI_FAIL2BAN_TIMEOUT=60s \
  java -Xmx256m -XX:+ExitOnOutOfMemoryError ${BENCH_JAVA_OPTS:-} -jar "$BANGUI_ROOT/bootstrap/target/bangui.jar" \
  >"$WORK/service.log" 2>&1 &
echo $! > "$WORK/service.pid"
wait_http_ok "$URL/api/v1/setup" 60 || die "BanGUI did not start; see $WORK/service.log"
echo "$TOKEN" > "$WORK/token"
complete_setup "$URL" "$WORK/token" "$PASSWORD"
CSRF=$(login "$URL" "$PASSWORD" "$WORK/cookies")

python3 "$BANGUI_ROOT/scripts/bench/blocklist.py" "$URL" "$WORK/cookies" "$CSRF" "http://127.0.0.1:$LIST_PORT" \
  "$WORK/lists" "$WORK/fail2ban/fail2ban.sock" "$ENTRIES" "$APPLY" "$(cat "$WORK/service.pid")"
