"""Edit + test + reload of one jail through BanGUI vs `fail2ban-client reload JAIL` alone, interleaved A/B/B/A."""
import json
import statistics
import subprocess
import sys
import time
import urllib.request

url, cookies, csrf, conf, sock, rounds = sys.argv[1:7]
rounds = int(rounds)
cookie = ""
for line in open(cookies):
    parts = line.rstrip("\n").split("\t")
    if len(parts) == 7 and parts[5] == "bangui_session":
        cookie = "bangui_session=" + parts[6]


def call(method, path, body):
    request = urllib.request.Request(url + path, method=method, data=json.dumps(body).encode(),
                                     headers={"Cookie": cookie, "X-CSRF-Token": csrf,
                                              "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        if response.status != 200:
            raise SystemExit("%s %s answered %d" % (method, path, response.status))
        return json.loads(response.read())


def raw_reload():
    started = time.perf_counter()
    subprocess.run(["fail2ban-client", "-c", conf, "-s", sock, "reload", "sshd"], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def bangui_edit(n):
    started = time.perf_counter()
    call("PUT", "/api/v1/config/jails/sshd", {"values": {"maxretry": str(3 + n % 2)}})
    call("POST", "/api/v1/config/reload", {"jail": "sshd"})
    return time.perf_counter() - started


raw_reload(), bangui_edit(1)  # warm both paths once
raw, edit = [], []
for i in range(rounds):
    if i % 2 == 0:
        raw.append(raw_reload()); edit.append(bangui_edit(i)); edit.append(bangui_edit(i + 1)); raw.append(raw_reload())
    else:
        edit.append(bangui_edit(i)); raw.append(raw_reload()); raw.append(raw_reload()); edit.append(bangui_edit(i + 1))
check = subprocess.run(["fail2ban-client", "-c", conf, "-s", sock, "get", "sshd", "maxretry"], check=True,
                       capture_output=True, text=True).stdout.strip()
raw_p50, edit_p50 = statistics.median(raw) * 1000, statistics.median(edit) * 1000
print("config edit: fail2ban-client reload sshd alone p50 %.0f ms (min %.0f), edit+test+reload via BanGUI p50 %.0f ms "
      "(min %.0f), ratio %.2fx (target <= 1.3x); %d runs each; fail2ban runs maxretry %s"
      % (raw_p50, min(raw) * 1000, edit_p50, min(edit) * 1000, edit_p50 / raw_p50, len(raw), check))
