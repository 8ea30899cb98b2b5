# Runs `fail2ban-client -c DIR -d` and prints what the fidelity test compares, one item a line:
# KIND <tab> JAIL <tab> base64(value). Each dumped line is a Python literal (ast.literal_eval).
import ast
import base64
import re
import subprocess
import sys


def emit(kind, jail, value):
    print(kind, jail, base64.b64encode(str(value).encode()).decode(), sep='\t')


run = subprocess.run(['fail2ban-client', '-c', sys.argv[1], '-d'], capture_output=True, text=True)
if run.returncode != 0:
    emit('fail', '-', run.stderr[-2000:])
for line in run.stdout.splitlines():
    c = ast.literal_eval(line)
    if c[0] == 'config-error':
        m = re.match(r"Jail '([^']*)' skipped", c[1])
        emit('config-error', m.group(1) if m else '-', c[1])
    elif c[0] == 'add':
        emit('backend', c[1], c[2])
    elif c[0] == 'multi-set' and c[2] in ('addfailregex', 'addignoreregex'):
        for r in c[3]:
            emit(c[2][3:], c[1], r)
    elif c[0] == 'set' and len(c) >= 4:
        if c[2] in ('addfailregex', 'addignoreregex'):
            emit(c[2][3:], c[1], c[3])
        elif c[2] in ('maxretry', 'findtime', 'bantime', 'prefregex'):
            emit(c[2], c[1], c[3])
        elif c[2] == 'addlogpath':
            emit('logpath', c[1], c[3])
        elif c[2] == 'addaction':
            emit('action', c[1], c[3])
        elif c[2] == 'addignoreip':
            for ip in c[3:]:
                emit('ignoreip', c[1], ip)
