"""Prints, for scripts/bench/history-query.sh, the query strings the benchmark pages with, one per line:
name, then the query (limit=100 and, for deep pages, the cursor of the row 90% into the selection), and the
query plan SQLite chooses for the same WHERE clause.

usage: history_cursors.py DB
"""
import base64
import ipaddress
import sqlite3
import sys

con = sqlite3.connect(sys.argv[1])


def cursor(where, params, offset):
    row = con.execute(f"SELECT banned_at, id FROM history {where} ORDER BY banned_at DESC, id DESC "
                      f"LIMIT 1 OFFSET ?", params + [offset]).fetchone()
    return base64.urlsafe_b64encode(f"h1:{row[0]}:{row[1]}".encode()).decode().rstrip("=")


def key(ip):
    a = ipaddress.ip_address(ip)
    return (b"\0" * 10 + b"\xff\xff" + a.packed) if a.version == 4 else a.packed


total = con.execute("SELECT COUNT(*) FROM history").fetchone()[0]
jail = "nginx-http-auth"
jail_rows = con.execute("SELECT COUNT(*) FROM history WHERE jail = ?", [jail]).fetchone()[0]
ip, ip_rows = con.execute("SELECT ip, COUNT(*) FROM history_day_ip GROUP BY ip ORDER BY 2 DESC LIMIT 1").fetchone()
ip_rows = con.execute("SELECT COUNT(*) FROM history WHERE ip_key = ?", [key(ip)]).fetchone()[0]
cases = [
    ("all_first", "", [], None, ""),
    ("all_past_900k", "", [], min(900_000, total - 100), ""),
    ("jail_first", "WHERE jail = ?", [jail], None, f"jail={jail}"),
    ("jail_deep", "WHERE jail = ?", [jail], int(jail_rows * 0.9), f"jail={jail}"),
    ("ip_first", "WHERE ip_key = ?", [key(ip)], None, f"ip={ip}"),
    ("ip_deep", "WHERE ip_key = ?", [key(ip)], int(ip_rows * 0.9), f"ip={ip}"),
]
for name, where, params, offset, query in cases:
    q = "limit=100" + ("&" + query if query else "")
    if offset is not None:
        q += "&cursor=" + cursor(where, params, offset)
    keyset = (" AND " if where else "WHERE ") + "(banned_at, id) < (?, ?)" if offset is not None else ""
    plan = con.execute(f"EXPLAIN QUERY PLAN SELECT * FROM history {where}{keyset} "
                       f"ORDER BY banned_at DESC, id DESC LIMIT 101",
                       params + ([0, 0] if offset is not None else [])).fetchall()
    print(name, q, " / ".join(p[3] for p in plan).replace(" ", "_"))
print("rows", total, f"jail_rows={jail_rows}_ip_rows={ip_rows}")
