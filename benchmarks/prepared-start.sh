#!/usr/bin/env bash
# Takes turns, under the same load, between three starts and prints the wall times:
#   bare      java -cp <dir> Hello, the baseline;
#   prepared  the plain-daemon launcher as it starts on Linux, the intermediate shell
#             preparing the daemon (no JNA in the daemon);
#   classic   the same launcher with -Ddaemoniker.flock=none, the daemon preparing itself
#             through JNA;
#   before    optional: the launcher of BEFORE_JAR, a plain-daemon.jar built from an older
#             commit, as it starts by default, to measure a change before and after in one
#             run.
# Run by hand after `mvn -B -DskipTests package`: benchmarks/prepared-start.sh [ROUNDS]
# [BEFORE_JAR] (default 15 rounds). Each daemon is stopped by its PID before the next
# round, also on failure or Ctrl-C.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
jar="$root/examples/plain-daemon/target/plain-daemon.jar"
rounds="${1:-15}"
before="${2:-}"
[[ -f "$jar" ]] || {
	echo "missing $jar: build first with: mvn -B -DskipTests package" >&2
	exit 2
}
[[ -z "$before" || -f "$before" ]] || {
	echo "missing $before: give a plain-daemon.jar built from the commit to compare with" >&2
	exit 2
}
variants=(bare prepared classic)
[[ -z "$before" ]] || variants+=(before)
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
	for variant in "${variants[@]}"; do
		start=$(date +%s%N)
		case "$variant" in
			bare) java -cp "$hello" Hello >/dev/null ;;
			prepared) java -jar "$jar" "$work/app.pid" "$work/app.log" >/dev/null 2>&1 ;;
			classic) java -Ddaemoniker.flock=none -jar "$jar" "$work/app.pid" "$work/app.log" >/dev/null 2>&1 ;;
			before) java -jar "$before" "$work/app.pid" "$work/app.log" >/dev/null 2>&1 ;;
		esac
		end=$(date +%s%N)
		echo "$variant $(((end - start) / 100000))" >>"$work/times"
		stop_daemon
	done
done
median_of() { grep "^$1 " "$work/times" | awk '{print $2 / 10}' | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
bare_median="$(median_of bare)"
for variant in "${variants[@]}"; do
	grep "^$variant " "$work/times" | awk '{print $2 / 10}' | sort -n |
		awk -v v="$variant" -v b="$bare_median" '{a[NR] = $1} END {printf "%-9s median %8.1f ms  min %8.1f ms  (%d runs)  median / bare median %.2fx\n", v, a[int((NR + 1) / 2)], a[1], NR, a[int((NR + 1) / 2)] / b}'
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
