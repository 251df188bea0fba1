#!/usr/bin/env bash
# Daemoniker benchmarks: run by hand, never by CI or by `mvn verify`.
#
#   mvn -B -DskipTests package && benchmarks/run.sh
#
# (`mvn -B -DskipTests install` works as well.) Prints, in one run, each figure next to a
# baseline measured in the same run:
#   1. plain-daemon: launcher wall time to a confirmed daemon vs a bare `java -cp <dir> Hello`,
#      and where the time goes (JNA alone, phases stamped by a probe daemon);
#   2. in-process send -> handler latency (p50/p99) vs raw sun.misc.Signal;
#   3. spring-daemon (skipped while examples/spring-daemon/target/spring-daemon.jar is absent):
#      launcher wall time vs foreground start, with and without the start-up cache (fat jar and
#      extracted layout), resident memory with and without the starter, CLI stop time.
#
# Options (all optional):
#   --java PATH          java for the measured JVMs and the harness (default: java on PATH)
#   --runs N             plain-daemon runs (default 20)
#   --signals N          signals per latency mode (default 2000)
#   --spring-runs N      spring-daemon runs per variant (default 8)
#   --settle-ms N        wait after readiness before reading VmRSS (default 2000)
#   --parts LIST         any of plain,signals,spring (default all three)
#   --spring-jar PATH    the spring-daemon jar (default examples/spring-daemon/target/spring-daemon.jar)
#   --spring-baseline-jar PATH  another build of the spring-daemon jar, whose launcher is run
#                        interleaved with the others (before and after a change, in one run)
#   --spring-variants L  any of fg,daemon,daemon-cache,fg-starter,exploded,exploded-nostarter,
#                        exploded-cache (default all)
#
# On a shared or loaded machine the medians and p90s move a lot from run to run; the min
# column (the least disturbed run) and the ratios within one run are the figures to compare.
#
# Every process it starts is stopped by PID when it ends, also on failure or Ctrl-C.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
java="java"
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
	if [[ "${args[i]}" == "--java" ]]; then
		java="${args[i + 1]}"
	fi
done
java="$(command -v "$java")"

classes="$root/benchmarks/target/classes"
plain_jar="$root/examples/plain-daemon/target/plain-daemon.jar"
if [[ ! -f "$plain_jar" ]]; then
	echo "missing $plain_jar: build first with: mvn -B -DskipTests package" >&2
	exit 2
fi
rm -rf "$classes"
mkdir -p "$classes"
# sun.misc.Signal draws "internal proprietary API" warnings that no flag silences:
# show javac's output only when it fails.
if ! javac --release 17 -d "$classes" -cp "$plain_jar" $(find "$root/benchmarks/src" -name '*.java') \
	>"$classes/javac.out" 2>&1; then
	cat "$classes/javac.out" >&2
	exit 1
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/daemoniker-bench.XXXXXX")"
clean_up() {
	local status=$?
	# Anything left behind (a daemon, a daemon still starting, its intermediate shell): only
	# processes whose command line names this run's fresh directory.
	local proc pid
	for proc in /proc/[0-9]*; do
		pid="${proc#/proc/}"
		if [[ "$pid" != "$$" ]] && { tr '\0' ' ' <"$proc/cmdline"; } 2>/dev/null | grep -qF "$work"; then
			echo "cleaning up process $pid" >&2
			kill -KILL "$pid" 2>/dev/null || true
		fi
	done
	if [[ $status -eq 0 ]]; then
		rm -rf "$work"
	else
		echo "benchmark failed; its files are in $work" >&2
	fi
	exit $status
}
trap clean_up EXIT

echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo), load average $(cut -d' ' -f1-3 /proc/loadavg)"
# In the background so that Ctrl-C or TERM reaches this script at once; the harness, told with
# TERM, stops what it started (its shutdown hook) before the EXIT trap looks for leftovers.
"$java" -Dbench.root="$root" -Dbench.classes="$classes" -Dbench.work="$work" \
	-cp "$classes" io.daemoniker.benchmarks.Benchmark --java "$java" "$@" &
harness=$!
trap 'kill -TERM "$harness" 2>/dev/null || true; wait "$harness" || true; exit 130' INT TERM
wait "$harness"
echo "load average at the end: $(cut -d" " -f1-3 /proc/loadavg)"
