# Compiles failregex and ignoreregex exactly as fail2ban's filter does (server/filter.py addFailRegex and
# addIgnoreRegex, prefRegex). Input on stdin: {"prefregex": "..." or null, "failregex": [...], "ignoreregex": [...]}. Output on stdout, one JSON object:
# {"ok": true} or {"ok": false, "kind": "failregex", "regex": "...", "message": "..."}.
import json
import sys

from fail2ban.server.failregex import FailRegex, Regex, RegexException

request = json.load(sys.stdin)
pref = None


def prefregex(regex):
    global pref
    pref = Regex(regex, useDns="no")


for kind, build in (("prefregex", prefregex),
                    ("failregex", lambda r: FailRegex(r, prefRegex=pref, useDns="no")),
                    ("ignoreregex", lambda r: Regex(r, useDns="no"))):
    regexes = request.get(kind) or []
    for regex in ([regexes] if isinstance(regexes, str) else regexes):
        try:
            build(regex)
        except RegexException as e:
            # fail2ban's message repeats the expanded regex; its last line is Python's reason
            message = str(e).strip().splitlines()[-1] if str(e).strip() else "does not compile"
            if message.startswith("No failure-id group"):
                message = "No failure-id group (<HOST>, <ADDR>, <F-ID>...)"
            print(json.dumps({"ok": False, "kind": kind, "regex": regex, "message": message}))
            sys.exit(1)
print(json.dumps({"ok": True}))
