#!/usr/bin/env bash
# Times what one first use of a JDK facility costs a fresh JVM: each case of
# benchmarks/src/FirstUse.java is a whole `java` process, interleaved with the others
# round by round under the same load, and printed next to the case that uses nothing.
# Run by hand: benchmarks/first-use.sh [ROUNDS] [JAVA] (default 15 rounds, java on the PATH).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
rounds="${1:-15}"
java="${2:-java}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# javac's defaults on purpose: the concat case must use invokedynamic.
javac --release 17 -d "$work/classes" "$root/benchmarks/src/FirstUse.java"
uses=(none concat lambda lambdas20 classes20 stream regex format processhandle procstatus tempdir process jul)
echo "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
for ((i = 0; i < rounds; i++)); do
	for use in "${uses[@]}"; do
		start=$(date +%s%N)
		"$java" -cp "$work/classes" FirstUse "$use" >/dev/null
		end=$(date +%s%N)
		echo "$use $(((end - start) / 10000))" >>"$work/times"
	done
done
median() { grep "^$1 " "$work/times" | awk '{print $2 / 100}' | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)], a[1]}'; }
read -r base base_min < <(median none)
for use in "${uses[@]}"; do
	read -r med min < <(median "$use")
	awk -v u="$use" -v m="$med" -v n="$min" -v b="$base" \
		'BEGIN {printf "%-14s median %7.1f ms  min %7.1f ms  median - none %+7.1f ms  (%.2fx)\n", u, m, n, m - b, m / b}'
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
