"""Stands in for systemd's notification socket in check-operations-guide.sh.

usage: python3 notify-receiver.py NAME OUTPUT READY_FILE

Binds the abstract Unix datagram socket NAME (NOTIFY_SOCKET=@NAME), creates READY_FILE once bound,
and appends every datagram it receives to OUTPUT, one per line with newlines shown as '|'. Ends on
STOPPING=1 or after two minutes without a datagram.
"""
import socket
import sys

name, output, ready = sys.argv[1], sys.argv[2], sys.argv[3]
receiver = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
receiver.bind("\0" + name)
receiver.settimeout(120)
open(ready, "w").close()
try:
    while True:
        message = receiver.recv(4096).decode("utf-8")
        with open(output, "a") as out:
            out.write(message.replace("\n", "|") + "\n")
        if "STOPPING=1" in message:
            break
except socket.timeout:
    pass
finally:
    receiver.close()
