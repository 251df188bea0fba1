#!/usr/bin/env bash
# Checks the snippets of docs/operations.md against the real behaviour of the example daemons:
# each "<!-- check: NAME -->" snippet is taken from the guide as written, its paths are moved into a
# temporary directory, and what it says is run and checked. Needs the built jars:
#   mvn -B package -DskipTests && bash docs/ops/check-operations-guide.sh [plain] [spring]
# "plain" checks the plain example's snippets, "spring" the Spring Boot example's; both by default.
# Uses logrotate, python3, unshare (as root) and tini when present, and says what it skipped.
set -uo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
GUIDE=$ROOT/docs/operations.md
APP_JAR=$ROOT/examples/plain-daemon/target/plain-daemon.jar
SPRING_JAR=$ROOT/examples/spring-daemon/target/spring-daemon.jar
CLI_JAR=$ROOT/daemoniker-core/target/daemoniker-cli.jar
JAVA=$(command -v "${JAVA_HOME:+$JAVA_HOME/bin/}java")
PARTS=("$@")
if [ ${#PARTS[@]} -eq 0 ]; then
	PARTS=(plain spring)
fi
JARS=("$CLI_JAR")
for part in "${PARTS[@]}"; do
	case $part in
	plain) JARS+=("$APP_JAR") ;;
	spring) JARS+=("$SPRING_JAR") ;;
	*)
		echo "unknown part $part: use plain and/or spring" >&2
		exit 2
		;;
	esac
done
for jar in "${JARS[@]}"; do
	if [ ! -f "$jar" ]; then
		echo "missing $jar: build first with mvn -B package -DskipTests" >&2
		exit 2
	fi
done

WORK=$(mktemp -d /tmp/daemoniker-guide.XXXXXX)
chmod 755 "$WORK"
# The daemoniker command as the distribution archive lays it out (bin/daemoniker beside
# lib/daemoniker-cli.jar), where the guide's units have /usr/local/bin/daemoniker.
mkdir -p "$WORK/daemoniker/bin" "$WORK/daemoniker/lib"
cp "$ROOT/daemoniker-distribution/src/bin/daemoniker" "$WORK/daemoniker/bin/daemoniker"
ln -s "$CLI_JAR" "$WORK/daemoniker/lib/daemoniker-cli.jar"
DAEMONIKER=$WORK/daemoniker/bin/daemoniker
PASSED=0
FAILED=0
SKIPPED=0
STARTED=()

cleanup() {
	for pid in "${STARTED[@]}"; do
		kill -9 "$pid" 2>/dev/null
	done
	rm -rf "$WORK"
}
trap cleanup EXIT

pass() { PASSED=$((PASSED + 1)); echo "PASS $*"; }
fail() { FAILED=$((FAILED + 1)); echo "FAIL $*"; }
skip() { SKIPPED=$((SKIPPED + 1)); echo "SKIP $*"; }

# The code block that follows "<!-- check: NAME -->" in the guide.
snippet() {
	awk -v marker="<!-- check: $1 -->" '
		$0 == marker { found = 1; next }
		found && /^```/ { if (inside) exit; inside = 1; next }
		inside { print }' "$GUIDE"
}

# Moves the guide's installation paths into this run's directory ($RUN and $LOGS), and the Spring
# example's port to $PORT.
localize() {
	sed -e "s#/usr/bin/java#$JAVA#g" \
		-e "s#/opt/plain-daemon/plain-daemon.jar#$APP_JAR#g" \
		-e "s#/usr/local/bin/daemoniker#$DAEMONIKER#g" \
		-e "s#/run/plain-daemon#$RUN#g" \
		-e "s#/var/log/plain-daemon#$LOGS#g" \
		-e "s#/opt/spring-daemon/spring-daemon.jar#$SPRING_JAR#g" \
		-e "s#/run/spring-daemon#$RUN#g" \
		-e "s#/var/log/spring-daemon#$LOGS#g" \
		-e "s#--server.port=8080#--server.port=${PORT:-8080}#g"
}

# The body of an HTTP GET, or a failure.
http_get() {
	if command -v curl >/dev/null 2>&1; then
		curl -fsS --max-time 30 "$1"
	else
		python3 -c 'import sys, urllib.request; sys.stdout.write(urllib.request.urlopen(sys.argv[1], timeout=30).read().decode())' "$1"
	fi
}

# How many keep-alives the notification log $1 holds.
keep_alives() {
	local count
	count=$(grep -c '^WATCHDOG=1|$' "$1" 2>/dev/null)
	# No log yet counts as none, not as an empty word that breaks a test.
	echo "${count:-0}"
}

# A TCP port that nothing listens on.
free_port() {
	if command -v python3 >/dev/null 2>&1; then
		python3 -c 'import socket; s = socket.socket(); s.bind(("", 0)); print(s.getsockname()[1])'
	else
		echo $((20000 + RANDOM % 20000))
	fi
}

# The value of KEY= in a unit file given on standard input.
unit_value() {
	grep "^$1=" | head -n 1 | cut -d= -f2-
}

# Waits up to $2 seconds for the shell condition $1.
wait_for() {
	local i
	for ((i = 0; i < $2 * 10; i++)); do
		if eval "$1"; then
			return 0
		fi
		sleep 0.1
	done
	return 1
}

# A process that has exited but was not reaped yet (a zombie) counts as gone.
gone() {
	[ ! -e "/proc/$1/stat" ] || [ "$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null)" = "Z" ]
}

check_forking_unit() {
	RUN=$WORK/forking/run
	LOGS=$WORK/forking/log
	# What RuntimeDirectory= and LogsDirectory= create.
	mkdir -p "$RUN" "$LOGS"
	local unit start reload stop pid_file pid
	unit=$(snippet forking-unit | localize)
	start=$(unit_value ExecStart <<<"$unit")
	reload=$(unit_value ExecReload <<<"$unit")
	stop=$(unit_value ExecStop <<<"$unit")
	pid_file=$(unit_value PIDFile <<<"$unit")
	if [ -z "$start" ] || [ -z "$pid_file" ]; then
		fail "forking-unit: no ExecStart= or PIDFile= in the snippet"
		return
	fi
	# systemd runs ExecStart= from / and reads PIDFile= once it exits.
	(cd / && $start) >"$WORK/forking/launcher.out" 2>&1
	local status=$?
	if [ -f "$pid_file" ]; then
		pid=$(tr -d '[:space:]' <"$pid_file")
		STARTED+=("$pid")
	fi
	if [ "$status" -ne 0 ] || [ -z "${pid:-}" ]; then
		fail "forking-unit: ExecStart= exited $status, PIDFile= ${pid:+holds $pid}${pid:-is missing}: $(cat "$WORK/forking/launcher.out")"
		return
	fi
	if gone "$pid" || ! tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q plain-daemon.jar; then
		fail "forking-unit: PIDFile= holds $pid, which is not the running daemon"
		return
	fi
	local parent
	parent=$(awk '{print $4}' "/proc/$pid/stat")
	if [ "$parent" = "$$" ]; then
		fail "forking-unit: the daemon $pid is still a child of the shell that ran ExecStart="
		return
	fi
	if ! "$DAEMONIKER" status "$pid_file" >/dev/null 2>&1; then
		fail "forking-unit: daemoniker status does not see $pid holding $pid_file"
		return
	fi
	pass "forking-unit: PIDFile= holds the live, locked daemon $pid when ExecStart= exits"
	$reload >/dev/null 2>&1
	if wait_for "grep -q 'received SIGHUP' '$LOGS/app.log'" 30; then
		pass "forking-unit: ExecReload= reached the daemon's HUP handler"
	else
		fail "forking-unit: ExecReload= did not reach the daemon: $(cat "$LOGS/app.log")"
	fi
	if $stop >"$WORK/forking/stop.out" 2>&1 && wait_for "gone $pid" 30 && [ ! -e "$pid_file" ]; then
		pass "forking-unit: ExecStop= stopped $pid and the PID file is gone"
	else
		fail "forking-unit: ExecStop= left $pid or $pid_file behind: $(cat "$WORK/forking/stop.out")"
	fi
}

check_notify_unit() {
	if ! command -v python3 >/dev/null 2>&1; then
		skip "notify-unit: python3 is not installed to stand in for systemd's socket"
		return
	fi
	RUN=$WORK/notify/run
	LOGS=$WORK/notify/log
	mkdir -p "$RUN" "$LOGS"
	local unit start pid_file name messages pid
	unit=$(snippet notify-unit | localize)
	start=$(unit_value ExecStart <<<"$unit")
	pid_file=$RUN/plain-daemon.pid
	name="daemoniker-guide-$$-$RANDOM"
	messages=$WORK/notify/messages
	python3 "$ROOT/docs/ops/notify-receiver.py" "$name" "$messages" "$WORK/notify/bound" </dev/null &
	local receiver=$!
	STARTED+=("$receiver")
	if ! wait_for "[ -e '$WORK/notify/bound' ]" 30; then
		fail "notify-unit: the stand-in notification socket did not come up"
		return
	fi
	(cd / && NOTIFY_SOCKET="@$name" exec $start) >"$WORK/notify/console.out" 2>&1 &
	pid=$!
	STARTED+=("$pid")
	if wait_for "grep -qx 'READY=1|' '$messages' 2>/dev/null" 60 && [ "$(tr -d '[:space:]' <"$pid_file")" = "$pid" ]; then
		pass "notify-unit: READY=1 from the main process $pid, which holds the PID file"
	else
		fail "notify-unit: no READY=1 from $pid: $(cat "$messages" "$WORK/notify/console.out" 2>/dev/null)"
		return
	fi
	kill -TERM "$pid"
	wait "$pid"
	if wait_for "grep -qx 'STOPPING=1|' '$messages'" 30 && [ ! -e "$pid_file" ]; then
		pass "notify-unit: STOPPING=1 on SIGTERM, PID file removed"
	else
		fail "notify-unit: no STOPPING=1 or PID file left: $(cat "$messages")"
	fi
	wait "$receiver" 2>/dev/null
}

check_logrotate() {
	RUN=$WORK/rotate/run
	LOGS=$WORK/rotate/log
	mkdir -p "$RUN" "$LOGS"
	local start config pid_file pid
	start=$(snippet forking-unit | localize | unit_value ExecStart)
	pid_file=$RUN/plain-daemon.pid
	(cd / && $start) >"$WORK/rotate/launcher.out" 2>&1
	pid=$(tr -d '[:space:]' <"$pid_file" 2>/dev/null)
	if [ -z "$pid" ]; then
		fail "logrotate: the daemon did not start: $(cat "$WORK/rotate/launcher.out")"
		return
	fi
	STARTED+=("$pid")
	config=$WORK/rotate/logrotate.conf
	snippet logrotate | localize >"$config"
	chmod 644 "$config"
	if command -v logrotate >/dev/null 2>&1; then
		if ! logrotate -f -s "$WORK/rotate/state" "$config" >"$WORK/rotate/logrotate.out" 2>&1; then
			fail "logrotate: logrotate failed: $(cat "$WORK/rotate/logrotate.out")"
			return
		fi
		echo "     (rotated by $(logrotate --version 2>&1 | head -n 1))"
	else
		# What logrotate does with this snippet: rename, then run the postrotate script.
		echo "     (logrotate is not installed: renaming and running postrotate as it would)"
		mv "$LOGS/app.log" "$LOGS/app.log.1"
		sed -n '/postrotate/,/endscript/p' "$config" | sed '1d;$d' | sh
	fi
	if wait_for "grep -q 'received SIGHUP' '$LOGS/app.log' 2>/dev/null" 30 \
		&& grep -q 'daemon started' "$LOGS/app.log.1" \
		&& ! grep -q 'received SIGHUP' "$LOGS/app.log.1"; then
		pass "logrotate: after rotation new output lands in a new app.log, app.log.1 gets nothing more"
	else
		fail "logrotate: app.log: $(cat "$LOGS/app.log" 2>&1) / app.log.1: $(cat "$LOGS/app.log.1" 2>&1)"
	fi
	"$DAEMONIKER" stop "$pid_file" >/dev/null 2>&1
	wait_for "gone $pid" 30
}

# Runs the container's entry point (of the snippet $CONTAINER_SNIPPET, "container" by default) as
# PID 1 of a new PID namespace; $1 replaces the mode option, $2 (optional) is an init to put in front. Sets CONTAINER_PID_FILE and CONTAINER_HOST_PID.
run_container() {
	local dir=$WORK/container-$RANDOM
	mkdir -p "$dir"
	local entry
	entry=$(snippet "${CONTAINER_SNIPPET:-container}" | grep '^ENTRYPOINT' | sed -e 's/^ENTRYPOINT *\[//' -e 's/\] *$//' -e 's/"//g' -e 's/, */ /g')
	# The snippet's /tmp/ first: the jars' own paths may lie under /tmp (a checkout there).
	entry=$(sed -e "s#/tmp/#$dir/#g" -e "s#^java #$JAVA #" -e "s#/app/plain-daemon.jar#$APP_JAR#" \
		-e "s#/app/spring-daemon.jar#$SPRING_JAR#" -e "s#--server.port=8080#--server.port=${PORT:-8080}#" \
		-e "s#-Ddaemoniker.mode=foreground#$1#" <<<"$entry")
	CONTAINER_PID_FILE=$dir/$(grep -oE '[^ =/]+\.pid( |$)' <<<"$entry" | head -n 1 | tr -d ' ')
	unshare --pid --fork --mount-proc ${2:-} $entry >"$dir/console.out" 2>&1 &
	CONTAINER_UNSHARE=$!
	STARTED+=("$CONTAINER_UNSHARE")
	wait_for "[ -s '$CONTAINER_PID_FILE' ]" 60
	CONTAINER_HOST_PID=$(ps -o pid= --ppid "$CONTAINER_UNSHARE" | tr -d ' ' | head -n 1)
	STARTED+=("$CONTAINER_HOST_PID")
	CONTAINER_OUT=$dir/console.out
}

check_container() {
	if [ "$(id -u)" != 0 ] || ! command -v unshare >/dev/null 2>&1 || ! unshare --pid --fork --mount-proc true 2>/dev/null; then
		skip "container: needs root and unshare to run the entry point as PID 1"
		return
	fi
	local stop_signal
	stop_signal=$(snippet container | grep '^STOPSIGNAL' | awk '{print $2}')
	local started=no
	run_container "-Ddaemoniker.mode=foreground"
	if [ "$(cat "$CONTAINER_PID_FILE" 2>/dev/null)" = 1 ] && wait_for "grep -q 'daemon started pid=1 ' '$CONTAINER_OUT'" 30; then
		pass "container: the entry point stays in the foreground as PID 1 and holds its PID file"
		started=yes
	else
		fail "container: PID file says '$(cat "$CONTAINER_PID_FILE" 2>&1)': $(cat "$CONTAINER_OUT")"
	fi
	[ -n "$CONTAINER_HOST_PID" ] && kill -s "${stop_signal#SIG}" "$CONTAINER_HOST_PID"
	# Only a container that did start can show that the stop signal ends it.
	if [ "$started" = yes ] && wait_for "gone $CONTAINER_UNSHARE" 30 && [ ! -e "$CONTAINER_PID_FILE" ]; then
		pass "container: $stop_signal ended it and the PID file is gone"
	else
		fail "container: still running or PID file left after $stop_signal: $(cat "$CONTAINER_OUT")"
	fi
	run_container "-Ddaemoniker.mode=auto"
	if [ "$(cat "$CONTAINER_PID_FILE" 2>/dev/null)" = 1 ]; then
		pass "container: mode auto picks the foreground as PID 1"
	else
		fail "container: mode auto as PID 1 wrote '$(cat "$CONTAINER_PID_FILE" 2>&1)': $(cat "$CONTAINER_OUT")"
	fi
	[ -n "$CONTAINER_HOST_PID" ] && kill -TERM "$CONTAINER_HOST_PID"
	wait_for "gone $CONTAINER_UNSHARE" 30
	if ! command -v tini >/dev/null 2>&1; then
		skip "container: tini is not installed"
		return
	fi
	started=no
	run_container "-Ddaemoniker.mode=foreground" "$(command -v tini) --"
	if [ "$(cat "$CONTAINER_PID_FILE" 2>/dev/null)" = 2 ]; then
		pass "container: behind tini the JVM is PID 2 and stays in the foreground"
		started=yes
	else
		fail "container: behind tini the PID file says '$(cat "$CONTAINER_PID_FILE" 2>&1)': $(cat "$CONTAINER_OUT")"
	fi
	# The runtime signals PID 1, tini, which forwards to the JVM.
	[ -n "$CONTAINER_HOST_PID" ] && kill -TERM "$CONTAINER_HOST_PID"
	if [ "$started" = yes ] && wait_for "gone $CONTAINER_UNSHARE" 30 && [ ! -e "$CONTAINER_PID_FILE" ]; then
		pass "container: tini forwarded SIGTERM and the PID file is gone"
	else
		fail "container: tini did not stop the JVM: $(cat "$CONTAINER_OUT")"
	fi
}

# The Spring Boot example under a Type=forking unit. systemd sets INVOCATION_ID for every unit,
# which is why the unit must say --daemoniker.mode=daemon.
check_spring_forking_unit() {
	RUN=$WORK/spring-forking/run
	LOGS=$WORK/spring-forking/log
	PORT=$(free_port)
	mkdir -p "$RUN" "$LOGS"
	local unit start reload stop pid_file pid
	unit=$(snippet spring-forking-unit | localize)
	start=$(unit_value ExecStart <<<"$unit")
	reload=$(unit_value ExecReload <<<"$unit")
	stop=$(unit_value ExecStop <<<"$unit")
	pid_file=$(unit_value PIDFile <<<"$unit")
	if [ -z "$start" ] || [ -z "$pid_file" ]; then
		fail "spring-forking-unit: no ExecStart= or PIDFile= in the snippet"
		return
	fi
	(cd / && INVOCATION_ID=0123456789abcdef0123456789abcdef $start) >"$WORK/spring-forking/launcher.out" 2>&1
	local status=$?
	if [ -f "$pid_file" ]; then
		pid=$(tr -d '[:space:]' <"$pid_file")
		STARTED+=("$pid")
	fi
	if [ "$status" -ne 0 ] || [ -z "${pid:-}" ] || gone "$pid" \
		|| ! tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q spring-daemon.jar; then
		fail "spring-forking-unit: ExecStart= exited $status, PIDFile= holds '${pid:-}': $(cat "$WORK/spring-forking/launcher.out")"
		return
	fi
	if [ "$(awk '{print $4}' "/proc/$pid/stat")" != "$$" ] && "$DAEMONIKER" status "$pid_file" >/dev/null 2>&1 \
		&& http_get "http://localhost:$PORT/" 2>/dev/null | grep -q "Hello from pid $pid"; then
		pass "spring-forking-unit: PIDFile= holds the live, locked, detached daemon $pid, which answers HTTP, when ExecStart= exits"
	else
		fail "spring-forking-unit: the daemon $pid is not detached, locked and answering on port $PORT"
	fi
	$reload >/dev/null 2>&1
	if wait_for "grep -q 'reload requested (1)' '$LOGS/console.log'" 30; then
		pass "spring-forking-unit: ExecReload= reached the @OnSignal(\"HUP\") method"
	else
		fail "spring-forking-unit: ExecReload= did not reach the daemon: $(tail -n 5 "$LOGS/console.log")"
	fi
	if $stop >"$WORK/spring-forking/stop.out" 2>&1 && wait_for "gone $pid" 30 && [ ! -e "$pid_file" ] \
		&& grep -q 'Graceful shutdown complete' "$LOGS/console.log"; then
		pass "spring-forking-unit: ExecStop= shut $pid down gracefully and the PID file is gone"
	else
		fail "spring-forking-unit: ExecStop= left $pid or $pid_file behind: $(cat "$WORK/spring-forking/stop.out")"
	fi
}

# The Spring Boot example under a Type=notify unit with WatchdogSec=: ExecStart= is run as systemd
# runs it, from a process whose PID systemd puts in WATCHDOG_PID and SYSTEMD_EXEC_PID, which then
# execs it. The watchdog interval is shortened to 2 s to keep the check short.
check_spring_notify_unit() {
	if ! command -v python3 >/dev/null 2>&1; then
		skip "spring-notify-unit: python3 is not installed to stand in for systemd's socket"
		return
	fi
	RUN=$WORK/spring-notify/run
	LOGS=$WORK/spring-notify/log
	PORT=$(free_port)
	mkdir -p "$RUN" "$LOGS"
	local unit start reload pid_file name messages pid success
	unit=$(snippet spring-notify-unit | localize)
	start=$(unit_value ExecStart <<<"$unit")
	reload=$(unit_value ExecReload <<<"$unit")
	success=$(unit_value SuccessExitStatus <<<"$unit")
	pid_file=$RUN/spring-daemon.pid
	if [ "$(unit_value Type <<<"$unit")" != notify ] || [ -z "$(unit_value WatchdogSec <<<"$unit")" ]; then
		fail "spring-notify-unit: the unit is not Type=notify with WatchdogSec="
		return
	fi
	name="daemoniker-guide-spring-$$-$RANDOM"
	messages=$WORK/spring-notify/messages
	python3 "$ROOT/docs/ops/notify-receiver.py" "$name" "$messages" "$WORK/spring-notify/bound" </dev/null &
	local receiver=$!
	STARTED+=("$receiver")
	if ! wait_for "[ -e '$WORK/spring-notify/bound' ]" 30; then
		fail "spring-notify-unit: the stand-in notification socket did not come up"
		return
	fi
	(
		cd / || exit 1
		export NOTIFY_SOCKET="@$name" INVOCATION_ID=0123456789abcdef0123456789abcdef WATCHDOG_USEC=2000000
		export WATCHDOG_PID=$BASHPID SYSTEMD_EXEC_PID=$BASHPID
		exec $start
	) >"$WORK/spring-notify/journal.out" 2>&1 &
	pid=$!
	STARTED+=("$pid")
	if wait_for "[ \$(keep_alives '$messages') -ge 2 ]" 120 \
		&& [ "$(tr -d '[:space:]' <"$pid_file")" = "$pid" ]; then
		pass "spring-notify-unit: the main process $pid holds the PID file and feeds the watchdog"
	else
		fail "spring-notify-unit: no keep-alives from $pid: $(cat "$messages" 2>/dev/null) $(tail -n 20 "$WORK/spring-notify/journal.out")"
		return
	fi
	$(sed "s#\$MAINPID#$pid#" <<<"$reload")
	if wait_for "grep -q 'reload requested (1)' '$WORK/spring-notify/journal.out'" 30; then
		pass "spring-notify-unit: ExecReload= reached the @OnSignal(\"HUP\") method"
	else
		fail "spring-notify-unit: ExecReload= did not reach $pid"
	fi
	kill -TERM "$pid"
	wait "$pid"
	local status=$?
	wait "$receiver" 2>/dev/null
	# The notifications in the order they first came, each kind once: the start timeout is
	# extended from the first bean on, keep-alives go on around the reload, which says
	# RELOADING=1 and then READY=1 again.
	local order
	order=$(sed -e 's/^EXTEND_TIMEOUT_USEC=30000000|$/extending/' \
		-e 's/^STATUS=Starting spring-daemon (pid [0-9]*)|$/starting/' \
		-e 's/^READY=1|$/ready/' \
		-e "s/^STATUS=Ready: spring-daemon, listening on port $PORT|\$/listening/" \
		-e 's/^WATCHDOG=1|$/watchdog/' \
		-e 's/^RELOADING=1|MONOTONIC_USEC=[0-9]*|STATUS=Reloading spring-daemon|$/reloading/' \
		-e "s/^READY=1|STATUS=Ready: spring-daemon, listening on port $PORT|\$/reloaded/" \
		-e 's/^STOPPING=1|STATUS=Stopping spring-daemon|$/stopping/' "$messages" | awk '!seen[$0]++' | tr '\n' ' ')
	if [ "$order" = "extending starting ready listening watchdog reloading reloaded stopping " ]; then
		pass "spring-notify-unit: EXTEND_TIMEOUT_USEC=, STATUS=Starting, READY=1, STATUS=Ready with the port, WATCHDOG=1, RELOADING=1 and READY=1 on HUP, STOPPING=1, in that order"
	else
		fail "spring-notify-unit: notifications were: $order"
	fi
	if [ ! -e "$pid_file" ] && { [ "$status" -eq 0 ] || grep -qw "$status" <<<"$success"; }; then
		pass "spring-notify-unit: SIGTERM ended it with status $status, which SuccessExitStatus= accepts; PID file removed"
	else
		fail "spring-notify-unit: exit status $status (SuccessExitStatus=$success) or PID file left"
	fi
}

check_spring_logrotate() {
	RUN=$WORK/spring-rotate/run
	LOGS=$WORK/spring-rotate/log
	PORT=$(free_port)
	mkdir -p "$RUN" "$LOGS"
	local start config pid_file pid
	start=$(snippet spring-forking-unit | localize | unit_value ExecStart)
	pid_file=$RUN/spring-daemon.pid
	(cd / && $start) >"$WORK/spring-rotate/launcher.out" 2>&1
	pid=$(tr -d '[:space:]' <"$pid_file" 2>/dev/null)
	if [ -z "$pid" ]; then
		fail "spring-logrotate: the daemon did not start: $(cat "$WORK/spring-rotate/launcher.out")"
		return
	fi
	STARTED+=("$pid")
	config=$WORK/spring-rotate/logrotate.conf
	snippet spring-logrotate | localize >"$config"
	chmod 644 "$config"
	if command -v logrotate >/dev/null 2>&1; then
		if ! logrotate -f -s "$WORK/spring-rotate/state" "$config" >"$WORK/spring-rotate/logrotate.out" 2>&1; then
			fail "spring-logrotate: logrotate failed: $(cat "$WORK/spring-rotate/logrotate.out")"
			return
		fi
	else
		echo "     (logrotate is not installed: renaming and running postrotate as it would)"
		mv "$LOGS/console.log" "$LOGS/console.log.1"
		sed -n '/postrotate/,/endscript/p' "$config" | sed '1d;$d' | sh
	fi
	if wait_for "grep -q 'reload requested (1)' '$LOGS/console.log' 2>/dev/null" 30 \
		&& http_get "http://localhost:$PORT/slow?ms=1" >/dev/null 2>&1 \
		&& wait_for "grep -q 'slow request started' '$LOGS/console.log'" 30 \
		&& grep -q 'Started SpringDaemonApplication' "$LOGS/console.log.1" \
		&& ! grep -q 'reload requested\|slow request started' "$LOGS/console.log.1"; then
		pass "spring-logrotate: after rotation Spring Boot's console log lands in a new console.log, console.log.1 gets nothing more"
	else
		fail "spring-logrotate: console.log: $(tail -n 5 "$LOGS/console.log" 2>&1) / console.log.1: $(tail -n 5 "$LOGS/console.log.1" 2>&1)"
	fi
	"$DAEMONIKER" stop "$pid_file" >/dev/null 2>&1
	wait_for "gone $pid" 30
}

check_spring_container() {
	if [ "$(id -u)" != 0 ] || ! command -v unshare >/dev/null 2>&1 || ! unshare --pid --fork --mount-proc true 2>/dev/null; then
		skip "spring-container: needs root and unshare to run the entry point as PID 1"
		return
	fi
	local stop_signal
	stop_signal=$(snippet spring-container | grep '^STOPSIGNAL' | awk '{print $2}')
	PORT=$(free_port)
	CONTAINER_SNIPPET=spring-container
	run_container "--daemoniker.mode=foreground"
	if [ "$(cat "$CONTAINER_PID_FILE" 2>/dev/null)" = 1 ] \
		&& wait_for "http_get 'http://localhost:$PORT/' 2>/dev/null | grep -q 'Hello from pid 1'" 60; then
		pass "spring-container: the application runs in the foreground as PID 1, holds its PID file and answers HTTP"
	else
		fail "spring-container: PID file says '$(cat "$CONTAINER_PID_FILE" 2>&1)': $(tail -n 20 "$CONTAINER_OUT")"
	fi
	kill -s "${stop_signal#SIG}" "$CONTAINER_HOST_PID"
	if wait_for "gone $CONTAINER_UNSHARE" 60 && [ ! -e "$CONTAINER_PID_FILE" ] \
		&& grep -q 'Graceful shutdown complete' "$CONTAINER_OUT"; then
		pass "spring-container: $stop_signal shut it down gracefully and the PID file is gone"
	else
		fail "spring-container: still running or PID file left after $stop_signal: $(tail -n 20 "$CONTAINER_OUT")"
	fi
	CONTAINER_SNIPPET=container
}

for part in "${PARTS[@]}"; do
	case $part in
	plain)
		check_forking_unit
		check_notify_unit
		check_logrotate
		check_container
		;;
	spring)
		check_spring_forking_unit
		check_spring_notify_unit
		check_spring_logrotate
		check_spring_container
		;;
	esac
done
echo "ops-guide: $PASSED passed, $FAILED failed, $SKIPPED skipped"
[ "$FAILED" -eq 0 ]
