#!/usr/bin/python3
"""Prints the JVM flags of a Dockerfile's last ENTRYPOINT (exec form: the words between "java" and "-jar"),
without -XX:SharedArchiveFile: the caller points the JVM at its own archive."""
import json, sys

entry = None
for line in open(sys.argv[1]):
    if line.startswith("ENTRYPOINT "):
        entry = json.loads(line[len("ENTRYPOINT "):])
if not entry or entry[0] != "java" or "-jar" not in entry:
    sys.exit("no exec-form java ENTRYPOINT in " + sys.argv[1])
print(" ".join(w for w in entry[1:entry.index("-jar")] if not w.startswith("-XX:SharedArchiveFile=")))
