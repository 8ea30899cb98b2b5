#!/usr/bin/env python3
"""High-availability figures for scripts/bench.sh: scheduler-lock takeover after kill -9 and after SIGTERM of
the leader, SIGTERM-to-exit time, and GET /api/v1/jails with sessions on Redis vs SQLite (interleaved A/B).

usage: ha.py JAR WORKDIR F2B_SOCKET F2B_CONF REDIS_PORT SECONDS_PER_RUN
Prints one "key value" line per figure on stdout; progress goes to stderr.
"""
import http.cookiejar
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request

JAR, WORK, F2B_SOCKET, F2B_CONF, REDIS_PORT, SECONDS = sys.argv[1:7]
SECONDS = int(SECONDS)
HEARTBEAT_S, TTL_S = 1, 3
TOKEN = "bench-ha-setup-token-3f9a1c"
PASSWORD = "bench ha password 7d2e"


def say(*parts):
    print("==>", *parts, file=sys.stderr, flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Instance:
    def __init__(self, name, database, extra):
        self.name, self.port = name, free_port()
        env = dict(os.environ, BANGUI_PORT=str(self.port), BANGUI_DATABASE_PATH=database,
                   BANGUI_FAIL2BAN_SOCKET=F2B_SOCKET, BANGUI_FAIL2BAN_CONFIG_DIR=F2B_CONF,
                   BANGUI_SETUP_TOKEN=TOKEN, BANGUI_COOKIE_SECURE="false", BANGUI_LOG_FORMAT="text",
                   BANGUI_RATE_LIMIT_GLOBAL="off", BANGUI_SCHEDULER_HEARTBEAT=f"{HEARTBEAT_S}s",
                   BANGUI_SCHEDULER_LOCK_TTL=f"{TTL_S}s", **extra)
        self.log = open(os.path.join(WORK, f"{name}.log"), "ab")
        self.proc = subprocess.Popen(["java", "-jar", JAR], env=env, stdout=self.log, stderr=subprocess.STDOUT)
        self.url = f"http://127.0.0.1:{self.port}"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.status("/api/v1/health/live") == 200:
                return
            if self.proc.poll() is not None:
                sys.exit(f"{name} exited at start; see {self.log.name}")
            time.sleep(0.05)
        sys.exit(f"{name} did not start; see {self.log.name}")

    def status(self, path, cookie=None):
        request = urllib.request.Request(self.url + path, headers={"Cookie": cookie} if cookie else {})
        try:
            with urllib.request.urlopen(request, timeout=2) as response:
                return response.status
        except urllib.error.HTTPError as e:
            return e.code
        except OSError:
            return 0

    def role(self, cookie):
        request = urllib.request.Request(self.url + "/api/v1/jobs", headers={"Cookie": cookie})
        try:
            with urllib.request.urlopen(request, timeout=2) as response:
                return json.load(response)["scheduler"]["role"]
        except (OSError, ValueError, KeyError):
            return "unreachable"

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(40)


def post_json(url, path, body, cookie=None, csrf=None):
    headers = {"Content-Type": "application/json"}
    if cookie:
        headers["Cookie"] = cookie
    if csrf:
        headers["X-CSRF-Token"] = csrf
    request = urllib.request.Request(url + path, data=json.dumps(body).encode(), headers=headers)
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, response.headers.get_all("Set-Cookie") or [], json.load(response)


def session(instance):
    if post_json(instance.url, "/api/v1/setup", {"setupToken": TOKEN, "password": PASSWORD})[0] != 201:
        sys.exit("setup failed")
    _, cookies, body = post_json(instance.url, "/api/v1/auth/login", {"password": PASSWORD})
    return next(c.split(";")[0] for c in cookies if c.startswith("bangui_session="))


def await_role(instance, cookie, wanted, limit_s):
    start = time.monotonic()
    while time.monotonic() - start < limit_s:
        if instance.role(cookie) == wanted:
            return time.monotonic()
        time.sleep(0.01)
    sys.exit(f"{instance.name} did not become {wanted} within {limit_s} s")


def leader_of(pair, cookie):
    deadline = time.monotonic() + 3 * TTL_S
    while time.monotonic() < deadline:
        roles = [i.role(cookie) for i in pair]
        if sorted(roles) == ["leader", "standby"]:
            return pair[roles.index("leader")], pair[roles.index("standby")]
        time.sleep(0.05)
    sys.exit(f"no single leader: {roles}")


def wrk(url, cookie):
    out = subprocess.run(["wrk", "-t2", "-c16", f"-d{SECONDS}s", "--latency", "-H", f"Cookie: {cookie}",
                          url + "/api/v1/jails"], capture_output=True, text=True, check=True).stdout
    if "Non-2xx" in out:
        sys.exit("non-2xx answers:\n" + out)
    rps = float(next(l.split()[1] for l in out.splitlines() if l.startswith("Requests/sec:")))
    return rps


def main():
    redis = {"BANGUI_REDIS_URL": f"redis://127.0.0.1:{REDIS_PORT}", "BANGUI_SESSION_STORE": "redis",
             "BANGUI_RATE_LIMIT_STORE": "redis", "BANGUI_LOCK_BACKEND": "redis"}
    shared_db = os.path.join(WORK, "ha", "bangui.db")
    say(f"two instances on one Redis (heartbeat {HEARTBEAT_S}s, TTL {TTL_S}s)")
    a = Instance("a", shared_db, redis)
    cookie = session(a)
    b = Instance("b", shared_db, redis)
    leader, standby = leader_of([a, b], cookie)

    say(f"kill -9 of the leader ({leader.name})")
    t0 = time.monotonic()
    leader.proc.send_signal(signal.SIGKILL)
    kill_takeover = await_role(standby, cookie, "leader", 4 * TTL_S) - t0
    leader.proc.wait()
    restarted = Instance(leader.name + "2", shared_db, redis)
    await_role(restarted, cookie, "standby", 2 * TTL_S)

    say(f"SIGTERM of the leader ({standby.name})")
    t0 = time.monotonic()
    standby.proc.send_signal(signal.SIGTERM)
    term_takeover = await_role(restarted, cookie, "leader", 4 * TTL_S) - t0
    standby.proc.wait(40)
    term_exit = time.monotonic() - t0
    restarted.stop()

    say("GET /api/v1/jails with sessions on SQLite vs Redis, interleaved")
    sqlite_inst = Instance("sessions-sqlite", os.path.join(WORK, "ab-sqlite", "bangui.db"), {})
    sqlite_cookie = session(sqlite_inst)
    redis_inst = Instance("sessions-redis", os.path.join(WORK, "ab-redis", "bangui.db"),
                          {"BANGUI_REDIS_URL": f"redis://127.0.0.1:{REDIS_PORT}/1", "BANGUI_SESSION_STORE": "redis"})
    redis_cookie = session(redis_inst)
    wrk(sqlite_inst.url, sqlite_cookie)  # warm-up
    wrk(redis_inst.url, redis_cookie)
    sqlite_rps, redis_rps = [], []
    for first_sqlite in (True, False, False, True):  # ABBA: no side always runs first
        runs = [(sqlite_rps, sqlite_inst, sqlite_cookie), (redis_rps, redis_inst, redis_cookie)]
        for results, instance, cookie in (runs if first_sqlite else runs[::-1]):
            results.append(wrk(instance.url, cookie))
    sqlite_inst.stop()
    redis_inst.stop()

    median = statistics.median
    print(f"heartbeat_s {HEARTBEAT_S}")
    print(f"ttl_s {TTL_S}")
    print(f"takeover_after_kill_s {kill_takeover:.2f}")
    print(f"takeover_after_sigterm_s {term_takeover:.2f}")
    print(f"sigterm_to_exit_s {term_exit:.2f}")
    print(f"jails_rps_sqlite_sessions {median(sqlite_rps):.1f}")
    print(f"jails_rps_redis_sessions {median(redis_rps):.1f}")
    print("jails_rps_runs_sqlite " + ",".join(f"{r:.0f}" for r in sqlite_rps))
    print("jails_rps_runs_redis " + ",".join(f"{r:.0f}" for r in redis_rps))


if __name__ == "__main__":
    main()
