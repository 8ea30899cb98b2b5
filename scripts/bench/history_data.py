"""Fills BanGUI's history table with a realistic archive for scripts/bench/history-query.sh.

usage: history_data.py DB ROWS
1M bans over the last 60 days, 12 jails, ~50,000 distinct addresses (a fifth IPv6) drawn with a heavy tail
(a few addresses ban again and again, most only a few times, as attack traffic does), 40 countries, mostly
fail2ban origin. Inserted through SQLite itself, so BanGUI's V7 triggers fill the rollups as in production.
HISTORY_ORDER=time (default) inserts in order of time, as the archive grows in production (history_sync copies
fail2ban's rows in the order they were banned, manual bans are archived at once); HISTORY_ORDER=shuffled inserts
in random order, the worst layout for the time-ordered scans (every row on another page).
"""
import os
import ipaddress
import json
import random
import sqlite3
import sys
import time

db, rows = sys.argv[1], int(sys.argv[2])
rnd = random.Random(8)
now_ms = int(time.time() * 1000)
span_ms = 60 * 86400 * 1000
jails = ["sshd", "nginx-http-auth", "nginx-botsearch", "postfix", "dovecot", "recidive", "apache-auth",
         "exim", "vsftpd", "named-refused", "mysqld-auth", "blocklist"]
jail_weights = [40, 15, 10, 8, 6, 3, 5, 4, 3, 2, 2, 2]
countries = ["CN", "US", "RU", "BR", "IN", "VN", "DE", "NL", "FR", "KR", "ID", "GB", "TW", "SG", "UA", "IR",
             "TH", "HK", "JP", "AR", "MX", "TR", "PL", "CA", "RO", "BG", "IT", "ES", "EG", "PK", "BD", "ZA",
             "CO", "CL", "PH", "MY", "SE", "CZ", "LT", "SC"]


def key(ip):
    a = ipaddress.ip_address(ip)
    return (b"\0" * 10 + b"\xff\xff" + a.packed) if a.version == 4 else a.packed


addresses = []
for i in range(50_000):
    if i % 5 == 0:
        ip = str(ipaddress.IPv6Address((0x2a0e << 112) | rnd.getrandbits(64) << 32 | i))
    else:
        ip = str(ipaddress.IPv4Address(rnd.randrange(0x01000000, 0xDF000000)))
    addresses.append((ip, key(ip), countries[min(int(rnd.paretovariate(1.2)) - 1, len(countries) - 1)]
                      if rnd.random() > 0.03 else None))
# heavy tail: the weight of the n-th address falls like 1/n^0.8
weights = [1.0 / (n + 1) ** 0.8 for n in range(len(addresses))]

con = sqlite3.connect(db)
con.execute("PRAGMA journal_mode=WAL")
con.execute("PRAGMA synchronous=OFF")
batch = []
seen = set()
picks = rnd.choices(range(len(addresses)), weights=weights, k=rows + rows // 20)
made = 0
for n in picks:
    if made >= rows:
        break
    ip, ip_key, country = addresses[n]
    jail = rnd.choices(jails, weights=jail_weights)[0]
    banned_at = (now_ms - span_ms + rnd.randrange(span_ms)) // 1000 * 1000
    if (jail, ip, banned_at) in seen:
        continue
    seen.add((jail, ip, banned_at))
    ban_seconds = -1 if jail == "recidive" and rnd.random() < 0.3 else rnd.choice([600, 3600, 86400])
    ended = None if ban_seconds < 0 or banned_at + ban_seconds * 1000 > now_ms else banned_at + ban_seconds * 1000
    matches = json.dumps([f"sshd[{rnd.randrange(99999)}]: Failed password for root from {ip} port "
                          f"{rnd.randrange(1024, 65535)} ssh2" for _ in range(rnd.randint(1, 3))])
    origin = "fail2ban" if rnd.random() < 0.97 else rnd.choice(["manual", "blocklist"])
    batch.append((jail, ip, ip_key, banned_at, ban_seconds, ended, "expired" if ended else None,
                  rnd.randint(1, 5), rnd.randint(3, 10), matches, country, origin))
    made += 1
if os.environ.get("HISTORY_ORDER", "time") == "time":
    batch.sort(key=lambda row: row[3])
for start in range(0, len(batch), 20_000):
    con.executemany("INSERT INTO history (jail, ip, ip_key, banned_at, ban_seconds, ended_at, end_reason, "
                    "ban_count, failures, matches, country, origin, synced) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)", batch[start:start + 20_000])
    con.commit()
con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
print(made, len({ip for (_, ip, _) in seen}))
