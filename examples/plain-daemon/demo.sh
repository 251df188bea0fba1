#!/usr/bin/env bash
# Builds Daemoniker and shows the plain example as a real daemon: start, status, a signal
# with a custom handler, and stop. Run from anywhere: examples/plain-daemon/demo.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
if [[ ! -f examples/plain-daemon/target/plain-daemon.jar || ! -f daemoniker-core/target/daemoniker-cli.jar ]]; then
  echo "==> building (mvn -B -q -DskipTests install)"
  mvn -B -q -DskipTests install
fi
work="$(mktemp -d)"
pid_file="$work/plain.pid"
log_file="$work/plain.log"
cli() { java -jar daemoniker-core/target/daemoniker-cli.jar "$@"; }
cleanup() {
  # Never leave the demo's daemon behind, even when a step fails.
  if [[ -f "$pid_file" ]] && cli status "$pid_file" >/dev/null 2>&1; then
    cli stop "$pid_file" --timeout 10s >/dev/null 2>&1 || kill -9 "$(cat "$pid_file")" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "==> start: java -jar examples/plain-daemon/target/plain-daemon.jar $pid_file $log_file"
java -jar examples/plain-daemon/target/plain-daemon.jar "$pid_file" "$log_file"
pid="$(cat "$pid_file")"
echo "==> the launcher has exited; the daemon runs as pid $pid:"
ps -o pid,ppid,pgid,sid,tty,args -p "$pid" | cut -c1-120
echo "==> status"
cli status "$pid_file"
echo "==> send HUP (the example's custom handler logs it)"
cli send "$pid_file" HUP
sleep 0.5
echo "==> stop (TERM, then wait until the daemon is gone)"
cli stop "$pid_file"
echo "==> status afterwards (exit 3 = not running)"
cli status "$pid_file" 2>&1 || echo "(exit $?)"
echo "==> the daemon's log:"
sed 's/^/    /' "$log_file"
