"""Drives scripts/bench/blocklist.sh: times the blocklist API and the raw banip floor, prints the figures."""
import datetime
import json
import os
import sys
import time
import urllib.request

sys.path.insert(0, "/usr/lib/python3/dist-packages")
from fail2ban.client.csocket import CSocket  # noqa: E402

url, cookies, csrf, lists, list_dir, sock, entries, apply_n, pid = sys.argv[1:10]
entries, apply_n = int(entries), int(apply_n)
cookie = ""
for line in open(cookies):
    parts = line.rstrip("\n").split("\t")
    if len(parts) == 7 and parts[5] == "bangui_session":
        cookie = "bangui_session=" + parts[6]


def call(method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url + path, data=data, method=method,
                                     headers={"Cookie": cookie, "X-CSRF-Token": csrf,
                                              "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=600) as response:
        return response.status, json.loads(response.read() or b"null")


def instant(text):
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))


def wait(import_id):
    while True:
        _, run = call("GET", "/api/v1/blocklists/imports/%d" % import_id)
        if run["status"] != "running":
            return run, (instant(run["finishedAt"]) - instant(run["startedAt"])).total_seconds()
        time.sleep(0.2)  # the figure comes from the import log, not from this polling


def create(name, path, jail, enabled):
    _, source = call("POST", "/api/v1/blocklists", {"name": name, "url": lists + path, "jail": jail,
                                                     "enabled": enabled, "schedule": "1d"})
    return source["id"]


def import_now(source):
    _, started = call("POST", "/api/v1/blocklists/%d/import" % source)
    return wait(started["importId"])


def cpu_seconds(process):
    """User + system CPU time of a process, in seconds."""
    fields = open("/proc/%s/stat" % process).read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def fail2ban_pid():
    return open(os.path.join(os.path.dirname(sock), "server.pid")).read().strip()


def rss_mb():
    with open("/proc/%s/status" % pid) as status:
        for line in status:
            if line.startswith("VmRSS"):
                return int(line.split()[1]) // 1024
    return -1


# 1. download + parse + diff of the 1M list, nothing applied
big = create("big", "/big.txt", "blocklist", False)
previews = []
for _ in range(3):
    start = time.monotonic()
    _, preview = call("POST", "/api/v1/blocklists/%d/preview" % big)
    previews.append(time.monotonic() - start)
print("blocklist preview (download + parse + diff) of a %d-line list, %.1f MB: %s s, best %.2f s "
      "(target <= 3 s; ratio %.2f); entries %s, to ban %d"
      % (entries, os.path.getsize(list_dir + "/big.txt") / 1e6, ", ".join("%.2f" % p for p in previews),
         min(previews), min(previews) / 3, preview["entries"], preview["toBanCount"]))

# 2. apply of APPLY new entries vs the raw banip floor, same fail2ban, same batch size (BanGUI's default 500),
# interleaved raw (apply-a), BanGUI (apply-b), BanGUI (apply-c), raw (apply-d), each into an empty jail
raw = [line.strip() for line in open(list_dir + "/apply.raw")]
client = CSocket(sock)
f2b = fail2ban_pid()


def raw_floor(jail):
    cpu = cpu_seconds(f2b)
    start = time.monotonic()
    for i in range(0, len(raw), 500):
        client.send(["set", jail, "banip"] + raw[i:i + 500])
    return time.monotonic() - start, cpu_seconds(f2b) - cpu


def bangui_apply(jail):
    source = create("apply-" + jail, "/apply.txt", jail, False)
    cpu, mine = cpu_seconds(f2b), cpu_seconds(pid)
    run, took = import_now(source)
    assert run["status"] == "succeeded" and run["banned"] == apply_n, run
    return took, cpu_seconds(f2b) - cpu, cpu_seconds(pid) - mine


floor_a, floor_a_cpu = raw_floor("apply-a")
took_b, f2b_b, mine_b = bangui_apply("apply-b")
took_c, f2b_c, mine_c = bangui_apply("apply-c")
floor_d, floor_d_cpu = raw_floor("apply-d")
floor, took = floor_a + floor_d, took_b + took_c
print("blocklist apply of %d new entries, raw/BanGUI/BanGUI/raw: raw %.2f s and %.2f s, BanGUI %.2f s and %.2f s: "
      "ratio %.2f (target <= 1.2); fail2ban CPU %.2f s per BanGUI apply vs %.2f s per raw one, BanGUI CPU %.2f s "
      "per apply" % (apply_n, floor_a, floor_d, took_b, took_c, took / floor, (f2b_b + f2b_c) / 2,
                     (floor_a_cpu + floor_d_cpu) / 2, (mine_b + mine_c) / 2))

# 3. the 1M list applied, then re-imported unchanged
run, took = import_now(big)
print("blocklist first import of the %d-line list (applies %d bans): %.1f s, status %s"
      % (entries, run["banned"], took, run["status"]))
os.utime(list_dir + "/big.txt")  # new Last-Modified: the server answers 200 with the same content
time.sleep(1.1)
os.utime(list_dir + "/big.txt")
run, full = import_now(big)
print("blocklist re-import of the unchanged list, downloaded again (200): %.2f s (target <= 2 s; ratio %.2f); "
      "banned %d unbanned %d, notModified %s" % (full, full / 2, run["banned"], run["unbanned"], run["notModified"]))
# the same content under a new URL: validators and fingerprint are dropped, so the list is read and diffed whole
call("PUT", "/api/v1/blocklists/%d" % big, {"name": "big", "url": lists + "/big.txt?v=2", "jail": "blocklist",
                                              "enabled": False, "schedule": "1d"})
run, whole = import_now(big)
print("blocklist re-import of the unchanged list with a full diff (URL changed, so no fingerprint): %.2f s; "
      "banned %d unbanned %d" % (whole, run["banned"], run["unbanned"]))
run, full = import_now(big)  # warms the fingerprint again
times = []
for _ in range(5):
    run, took = import_now(big)
    times.append(took)
print("blocklist re-import with a 304: %s ms, median %.0f ms (target <= 50 ms; ratio %.2f); notModified %s"
      % (", ".join("%.0f" % (t * 1000) for t in times), sorted(times)[2] * 1000, sorted(times)[2] / 0.05,
         run["notModified"]))
print("heap: -Xmx256m; RSS after the runs %d MB; the service %s" % (rss_mb(), "is running" if os.path.exists(
    "/proc/" + pid) else "HAD EXITED"))
