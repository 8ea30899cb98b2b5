#!/usr/bin/python3
"""Sends N sequential GET requests to a URL (with an optional Cookie header), then prints the resident set
size (kB) of process PID."""
import http.client, sys, urllib.parse

url, count, pid = sys.argv[1], int(sys.argv[2]), sys.argv[3]
headers = {"Cookie": sys.argv[4]} if len(sys.argv) > 4 else {}
u = urllib.parse.urlsplit(url)
conn = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
for _ in range(count):
    conn.request("GET", u.path + ("?" + u.query if u.query else ""), headers=headers)
    r = conn.getresponse()
    r.read()
    if r.status != 200:
        sys.exit(f"unexpected status {r.status}")
with open(f"/proc/{pid}/status") as f:
    print(next(l.split()[1] for l in f if l.startswith("VmRSS:")))
