#!/usr/bin/env bash
# Takes turns, under the same load, between ways of running the daemoniker command's status
# and stop against real plain-daemon daemons, and prints the wall times next to a bare JVM:
#   bare          java -cp <dir> Hello, the baseline;
#   jar-before    java -jar BEFORE_JAR (optional: a daemoniker-cli.jar built from an older
#                 commit, given as the second argument);
#   jar           java -jar daemoniker-core/target/daemoniker-cli.jar, as the benchmark's
#                 "CLI" figures run it;
#   script        the distribution's bin/daemoniker, unpacked here, with its class-data
#                 archive in a cache directory of this run's (made before the first round);
#   script-off    the same with DAEMONIKER_CLI_CACHE=off.
# Each round starts one plain daemon per stop variant. Run by hand after
# `mvn -B -DskipTests package`: benchmarks/cli.sh [ROUNDS] [BEFORE_JAR] (default 15 rounds).
# Every daemon is stopped by its PID before the script ends, also on failure or Ctrl-C.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
plain="$root/examples/plain-daemon/target/plain-daemon.jar"
jar="$root/daemoniker-core/target/daemoniker-cli.jar"
rounds="${1:-15}"
before="${2:-}"
archive="$(ls "$root"/daemoniker-distribution/target/daemoniker-*-bin.tar.gz 2>/dev/null | head -1)"
for file in "$plain" "$jar" "$archive" ${before:+"$before"}; do
	[[ -f "$file" ]] || {
		echo "missing ${file:-the distribution archive}: build first with: mvn -B -DskipTests package" >&2
		exit 2
	}
done
work="$(mktemp -d)"
export XDG_CACHE_HOME="$work/cache"
mkdir -m 700 "$XDG_CACHE_HOME"
tar -xzf "$archive" -C "$work"
script="$(ls -d "$work"/daemoniker-*/bin/daemoniker)"
javac --release 17 -d "$work/hello" "$root/benchmarks/src/Hello.java"
pids=()
stop_all() {
	local pid
	for pid in "${pids[@]}"; do
		if kill "$pid" 2>/dev/null; then
			while kill -0 "$pid" 2>/dev/null; do sleep 0.05; done
		fi
	done
}
trap 'stop_all; rm -rf "$work"' EXIT

variants=(jar script script-off)
[[ -z "$before" ]] || variants=(jar-before "${variants[@]}")
command_of() {
	case "$1" in
		jar-before) echo "java -jar $before" ;;
		jar) echo "java -jar $jar" ;;
		script) echo "$script" ;;
		script-off) echo "env DAEMONIKER_CLI_CACHE=off $script" ;;
	esac
}
timed() {
	local name="$1" start end
	shift
	start=$(date +%s%N)
	"$@" >/dev/null 2>&1
	end=$(date +%s%N)
	echo "$name $(((end - start) / 100000))" >>"$work/times"
}
daemon() {
	java -jar "$plain" "$1" "$work/app.log" >/dev/null 2>&1
	pids+=("$(cat "$1")")
}

# The archive is made by the first run of the script: not measured.
daemon "$work/warm.pid"
"$script" status "$work/warm.pid" >/dev/null
"$script" stop "$work/warm.pid" >/dev/null
echo "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
for ((i = 0; i < rounds; i++)); do
	timed bare java -cp "$work/hello" Hello
	for variant in "${variants[@]}"; do
		pid_file="$work/$variant-$i.pid"
		daemon "$pid_file"
		# Word splitting of the command is wanted: none of the paths here has a space.
		# shellcheck disable=SC2046
		timed "status-$variant" $(command_of "$variant") status "$pid_file"
		# shellcheck disable=SC2046
		timed "stop-$variant" $(command_of "$variant") stop "$pid_file"
	done
done
bare=$(grep '^bare ' "$work/times" | awk '{print $2 / 10}' | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}')
for name in bare $(for v in "${variants[@]}"; do echo "status-$v"; done) $(for v in "${variants[@]}"; do echo "stop-$v"; done); do
	grep "^$name " "$work/times" | awk '{print $2 / 10}' | sort -n |
		awk -v v="$name" -v bare="$bare" '{a[NR] = $1} END {m = a[int((NR + 1) / 2)]; printf "%-18s median %7.1f ms  min %7.1f ms  (%d runs)  median / bare median %.2fx\n", v, m, a[1], NR, m / bare}'
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
