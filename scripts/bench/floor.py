#!/usr/bin/python3
"""The floor for BanGUI's benchmark: the fail2ban commands behind GET /api/v1/jails (status, then
status <jail> short for every jail), issued by a minimal raw-socket client with no HTTP, no JSON and no
JVM. Prints p50/p99 latency of one full command sequence and the sequences per second, sequentially and
with N concurrent clients (one connection each)."""
import pickle, socket, sys, threading, time

END = b"<F2B_END_COMMAND>"

def connect(path):
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.connect(path)
    return s

def send(s, cmd):
    s.sendall(pickle.dumps(cmd, protocol=2) + END)
    buf = b""
    while not buf.endswith(END):
        chunk = s.recv(65536)
        if not chunk:
            raise IOError("closed")
        buf += chunk
    return pickle.loads(buf[:-len(END)])

def jails_sequence(s):
    code, status = send(s, ["status"])
    names = [n.strip() for n in dict(status)["Jail list"].split(",") if n.strip()]
    for name in names:
        send(s, ["status", name, "short"])

def run(path, clients, seconds):
    latencies, lock, stop = [], threading.Lock(), time.monotonic() + seconds
    def worker():
        s = connect(path)
        mine = []
        while time.monotonic() < stop:
            t = time.perf_counter()
            jails_sequence(s)
            mine.append(time.perf_counter() - t)
        with lock:
            latencies.extend(mine)
    threads = [threading.Thread(target=worker) for _ in range(clients)]
    started = time.monotonic()
    for t in threads: t.start()
    for t in threads: t.join()
    elapsed = time.monotonic() - started
    latencies.sort()
    pick = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1000
    return pick(0.50), pick(0.99), len(latencies) / elapsed

if __name__ == "__main__":
    path, clients, seconds = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
    p50, p99, rate = run(path, clients, seconds)
    print(f"{p50:.3f} {p99:.3f} {rate:.1f}")
