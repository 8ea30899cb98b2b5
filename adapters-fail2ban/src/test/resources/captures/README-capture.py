import socket, pickle, sys, base64
S='/tmp/f2bs/fail2ban.sock'; END=b'<F2B_END_COMMAND>'
def raw(payload):
    s=socket.socket(socket.AF_UNIX); s.connect(S); s.sendall(payload); buf=b''; chunks=0
    while not buf.endswith(END):
        d=s.recv(65536); chunks+=1
        if not d: break
        buf+=d
    s.close(); return buf, chunks
cmds={
 'ping':['ping'], 'version':['version'], 'status':['status'],
 'status_sshd_short':['status','sshd','short'],
 'status_sshd':['status','sshd'],
 'banip_with_time':['get','sshd','banip','--with-time'],
 'banned_ip':['banned','203.0.113.5'],
 'ignoreip':['get','sshd','ignoreip'],
 'unknown_jail':['status','nosuchjail','short'],
 'invalid_command':['stats'],
 'bantime':['get','sshd','bantime'],
 'logpath':['get','sshd','logpath'],
 'actions':['get','sshd','actions'],
 'dbpurgeage':['get','dbpurgeage'],
 'idle_on':['set','nginx-http-auth','idle','on'],
 'idle_off':['set','nginx-http-auth','idle','off'],
 'idle_bad':['set','nginx-http-auth','idle','maybe'],
 'failregex':['get','sshd','failregex'],
}
for name,c in cmds.items():
    buf,chunks=raw(pickle.dumps(c, protocol=2)+END)
    open('/tmp/captures/%s.bin'%name,'wb').write(buf)
    v = buf[:-len(END)]
    try: print(name, chunks, repr(pickle.loads(v))[:150])
    except Exception as e: print(name, chunks, 'unpickle-fail', e, v[:100])
buf,chunks=raw(b'garbage-not-a-pickle'+END)
open('/tmp/captures/unpicklable_request.bin','wb').write(buf); print('garbage', buf[:120])
more={
 'status_blocklist_full':['status','blocklist'],
 'banip_blocklist_with_time':['get','blocklist','banip','--with-time'],
 'banip_permanent':['get','nginx-http-auth','banip','--with-time'],
 'banned_all':['banned'],
 'unban_absent_report':['set','sshd','unbanip','--report-absent','192.0.2.99'],
 'unban_absent':['set','sshd','unbanip','192.0.2.99'],
 'banned_ip2':['banned','203.0.113.5'],
 'addlogpath_missing':['set','sshd','addlogpath','/nonexistent/x.log'],
 'banip_two':['set','sshd','banip','192.0.2.10','192.0.2.11'],
 'banip_again':['set','sshd','banip','192.0.2.10'],
 'unban_everywhere':['unban','192.0.2.10','192.0.2.11'],
 'start_unknown':['start','nosuchjail'],
}
for name,c in more.items():
    buf,chunks=raw(pickle.dumps(c, protocol=2)+END)
    open('/tmp/captures/%s.bin'%name,'wb').write(buf)
    v = buf[:-len(END)]
    try: print(name, chunks, len(buf), repr(pickle.loads(v))[:200])
    except Exception as e: print(name, chunks, 'unpickle-fail', e, v[:100])
