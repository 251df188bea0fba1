#!/usr/bin/env bash
# Takes turns, under the same load, between three starts and prints the wall times:
#   bare      java -cp <dir> Hello, the baseline;
#   prepared  the plain-daemon launcher as it starts on Linux, the intermediate shell
#             preparing the daemon (no JNA in the daemon);
#   classic   the same launcher with -Ddaemoniker.flock=none, the daemon preparing itself
#             through JNA.
# Run by hand after `mvn -B -DskipTests package`: benchmarks/prepared-start.sh [ROUNDS]
# (default 15). Each daemon is stopped by its
# PID before the next round, also on failure or Ctrl-C.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
jar="$root/examples/plain-daemon/target/plain-daemon.jar"
rounds="${1:-15}"
[[ -f "$jar" ]] || {
	echo "missing $jar: build first with: mvn -B -DskipTests package" >&2
	exit 2
}
work="$(mktemp -d)"
hello="$work/hello"
javac --release 17 -d "$hello" "$root/benchmarks/src/Hello.java"
stop_daemon() {
	if [[ -f "$work/app.pid" ]]; then
		local pid
		pid="$(cat "$work/app.pid")"
		if [[ "$pid" =~ ^[0-9]+$ ]] && kill "$pid" 2>/dev/null; then
			while kill -0 "$pid" 2>/dev/null; do sleep 0.05; done
		fi
	fi
}
trap 'stop_daemon; rm -rf "$work"' EXIT
echo "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
for ((i = 0; i < rounds; i++)); do
	for variant in bare prepared classic; do
		start=$(date +%s%N)
		case "$variant" in
			bare) java -cp "$hello" Hello >/dev/null ;;
			prepared) java -jar "$jar" "$work/app.pid" "$work/app.log" >/dev/null 2>&1 ;;
			classic) java -Ddaemoniker.flock=none -jar "$jar" "$work/app.pid" "$work/app.log" >/dev/null 2>&1 ;;
		esac
		end=$(date +%s%N)
		echo "$variant $(((end - start) / 100000))" >>"$work/times"
		stop_daemon
	done
done
for variant in bare prepared classic; do
	grep "^$variant " "$work/times" | awk '{print $2 / 10}' | sort -n |
		awk -v v="$variant" '{a[NR] = $1} END {printf "%-9s median %8.1f ms  min %8.1f ms  (%d runs)\n", v, a[int((NR + 1) / 2)], a[1], NR}'
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
