#!/usr/bin/env bash
# The quick start after a source changed: examples/plain-daemon/demo.sh must notice that its
# jars are older than the sources, rebuild them without `clean` (so no shade warning about
# classes of an earlier jar), and print plain text only. Run after `mvn -B verify`.
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
touch daemoniker-core/src/main/java/io/daemoniker/Daemoniker.java
examples/plain-daemon/demo.sh >"$out" 2>&1 || { cat "$out"; echo "demo.sh failed" >&2; exit 1; }
fail() { cat "$out"; echo "demo.sh after a source change: $1" >&2; exit 1; }
grep -q '^==> building' "$out" || fail "did not rebuild"
if grep -q $'\e' "$out"; then fail "printed terminal escape codes"; fi
if grep -Eq 'WARNING|\[INFO\]|overlapping' "$out"; then fail "printed build noise"; fi
grep -q '^running (pid ' "$out" || fail "status did not say running"
grep -q 'received SIGHUP' "$out" || fail "the daemon did not log the HUP"
grep -q '^(exit 3)$' "$out" || fail "status after stop did not exit 3"
# A second run finds the jars fresh and builds nothing.
examples/plain-daemon/demo.sh >"$out" 2>&1 || { cat "$out"; exit 1; }
if grep -q '^==> building' "$out"; then fail "rebuilt although nothing changed"; fi
# A verbose rebuild without clean must not warn about overlapping classes either.
mvn -B -Dstyle.color=never -DskipTests package -pl examples/plain-daemon -am >"$out" 2>&1 || { cat "$out"; exit 1; }
if grep -q 'overlapping classes' "$out"; then fail "shade found overlapping classes on a rebuild"; fi
echo "demo.sh: rebuilt after a change, quiet, right; no overlapping classes on a rebuild"
