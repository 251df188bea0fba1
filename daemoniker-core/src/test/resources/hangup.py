"""Runs a command in a new pseudo terminal, as a terminal emulator or sshd would, until it
prints "launched"; then hangs the terminal up by closing its master side, which makes the
kernel send SIGHUP to the terminal's session, as when a terminal window is closed.

Usage: python3 hangup.py <command...>
"""
import os
import pty
import sys
import time

pid, fd = pty.fork()
if pid == 0:
    os.execvp(sys.argv[1], sys.argv[1:])
buf = b""
deadline = time.time() + 60
while time.time() < deadline and b"launched" not in buf:
    try:
        data = os.read(fd, 4096)
    except OSError:
        break
    if not data:
        break
    buf += data
sys.stdout.write(buf.decode(errors="replace"))
sys.stdout.flush()
os.close(fd)
_, status = os.waitpid(pid, 0)
print("terminal session ended status=%d" % status)
