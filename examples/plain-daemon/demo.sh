#!/usr/bin/env bash
# Builds Daemoniker when its jars are missing or older than its sources, then shows the plain
# example as a real daemon: start, status, a signal with a custom handler, and stop.
# Run from anywhere: examples/plain-daemon/demo.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
example_jar=examples/plain-daemon/target/plain-daemon.jar
cli_jar=daemoniker-core/target/daemoniker-cli.jar

# True when a jar is missing, or a pom or a main source or resource is newer than it.
stale() {
  local jar
  for jar in "$example_jar" "$cli_jar"; do
    [[ -f "$jar" ]] || return 0
    if [[ -n "$(find pom.xml daemoniker-core/pom.xml daemoniker-core/src/main examples/plain-daemon/pom.xml \
        examples/plain-daemon/src/main -newer "$jar" -print -quit)" ]]; then
      return 0
    fi
  done
  return 1
}

if stale; then
  echo "==> building (mvn -B -q -DskipTests package)"
  # Batch mode, no colours, and no terminal reset codes from Maven's console library, so that
  # the output stays plain text when it goes to a file or a pipe.
  MAVEN_OPTS="${MAVEN_OPTS:-} -Djansi.noreset=true" mvn -B -q -Dstyle.color=never -DskipTests package
fi
work="$(mktemp -d)"
pid_file="$work/plain.pid"
log_file="$work/plain.log"
cli() { java -jar "$cli_jar" "$@"; }
cleanup() {
  # Never leave the demo's daemon behind, even when a step fails.
  if [[ -f "$pid_file" ]] && cli status "$pid_file" >/dev/null 2>&1; then
    cli stop "$pid_file" --timeout 10s >/dev/null 2>&1 || kill -9 "$(cat "$pid_file")" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "==> start: java -jar $example_jar $pid_file $log_file"
java -jar "$example_jar" "$pid_file" "$log_file"
pid="$(cat "$pid_file")"
echo "==> the launcher has exited; the daemon runs as pid $pid:"
ps -o pid,ppid,pgid,sid,tty,args -p "$pid" | cut -c1-120
echo "==> status"
cli status "$pid_file"
echo "==> send HUP (the example's custom handler logs it)"
cli send "$pid_file" HUP
# The handler runs in the daemon, after send returns: wait (at most 10 s) until it has logged.
for _ in $(seq 100); do
  grep -q "received SIGHUP" "$log_file" && break
  sleep 0.1
done
echo "==> stop (TERM, then wait until the daemon is gone)"
cli stop "$pid_file"
echo "==> status afterwards (exit 3 = not running)"
cli status "$pid_file" 2>&1 || echo "(exit $?)"
echo "==> the daemon's log:"
sed 's/^/    /' "$log_file"
