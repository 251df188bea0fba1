#!/usr/bin/env bash
# Reproducible builds: builds the core and the starter twice, from two copies of the sources
# in two different directories, and compares their jars (classes, CLI, test support, sources)
# byte for byte. project.build.outputTimestamp in the parent pom fixes every entry's time.
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export MAVEN_OPTS="${MAVEN_OPTS:-} -Djansi.noreset=true"
for copy in first second; do
  mkdir "$work/$copy"
  tar --exclude=./.git --exclude='./*/target' --exclude='./examples/*/target' -cf - . | tar -xf - -C "$work/$copy"
  (cd "$work/$copy" && mvn -B -q -Dstyle.color=never -DskipTests -Prelease -Dgpg.skip -Dmaven.javadoc.skip=true \
    -pl daemoniker-core,daemoniker-spring-boot-starter -am package)
done
jars=0
for jar in "$work"/first/daemoniker-core/target/*.jar "$work"/first/daemoniker-spring-boot-starter/target/*.jar; do
  relative="${jar#"$work"/first/}"
  first="$(sha256sum <"$jar" | cut -d' ' -f1)"
  second="$(sha256sum <"$work/second/$relative" | cut -d' ' -f1)"
  if [[ "$first" != "$second" ]]; then
    echo "not reproducible: $relative differs between two builds ($first, $second)" >&2
    exit 1
  fi
  echo "reproducible: $relative $first"
  jars=$((jars + 1))
done
[[ $jars -ge 5 ]] || { echo "expected at least 5 jars, found $jars" >&2; exit 1; }
