/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.launch.spawn;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.daemoniker.internal.launch.StartDirectory;

/**
 * A start in which the intermediate shell prepares the daemon before the JVM exists, so
 * that the daemon needs no native code on its way to "ready": it takes the PID file's
 * {@code flock} lock and then becomes the daemon JVM, so that the lock is the daemon's
 * own, and it opens the daemon's standard streams. The daemon reads its request from a
 * file in a private directory and confirms its start through a FIFO there.
 * <p>
 * The shell prepares only what it can do without harm: a PID file that is missing, or a
 * regular file that is not a symbolic link; stream targets that are regular files (or
 * missing, in a writable directory), so that whatever the JVM prints before it could
 * confirm lands in a file that the launcher reads back; and only with a {@code flock}
 * command that can become the command it runs ({@code --no-fork}, util-linux 2.38 and
 * later). Anything else, the daemon does itself as before, through native calls, with the
 * same checks and the same messages.
 * <p>
 * Public for the launcher's {@code Launcher}, which builds it and recognises
 * {@link #LOCKED_STATUS} as the daemon's exit status.
 *
 * @param directory the private directory of this start
 * @param token the start's token, which binds the daemon's environment to this start
 * @param pidFile the PID file
 * @param stdin the file standard input reads from
 * @param stdout the file standard output is appended to
 * @param stderr the file standard error is appended to
 * @param flock the {@code flock} command
 */
public record ShellStart(StartDirectory directory, String token, Path pidFile, Path stdin, Path stdout, Path stderr,
		Path flock) {

	/**
	 * The exit status of a daemon whose {@code flock} found the PID file locked: another
	 * daemon took it in the instant since the launcher looked.
	 */
	public static final int LOCKED_STATUS = 75;

	/**
	 * What the daemon process runs just before it becomes the JVM, with the PID it will
	 * keep: it names that PID to the launcher on the launcher's pipe (descriptor 4), and
	 * writes it into a PID file that the shell created, so that a JVM that fails before
	 * it could confirm leaves a file that the launcher knows as its own; and it closes
	 * the descriptors that the JVM must not inherit.
	 */
	private static final String BEFORE_JVM = "printf \"%s spawned %s\\n\" \"$1\" \"$$\" >&4;"
			+ " if [ \"$2\" = 1 ]; then printf \"%s\\n\" \"$$\" >&5; fi; shift 2; exec \"$@\" 4>&- 5<&-";

	/**
	 * What the daemon process runs before the JVM when it prepares its start itself: it
	 * names its PID on its standard output, still the launcher's pipe.
	 */
	private static final String BEFORE_CLASSIC_JVM = "printf \"%s spawned %s\\n\" \"$1\" \"$$\"; shift;"
			+ " exec \"$@\" </dev/null";

	/**
	 * The intermediate shell. It leads the new session and keeps the status FIFO open for
	 * reading and writing until the launcher ends it, so that neither the daemon's open
	 * of the FIFO nor its write ever waits for the launcher, and a line written before
	 * the launcher opened it is kept. The daemon is a subshell in the foreground, so that
	 * it does not lead the session, and so that it keeps its dispositions of
	 * {@code SIGINT} and {@code SIGQUIT}, which a shell sets to ignored, beyond any
	 * trap's reach, for a command in the background; its PID stays the same through every
	 * {@code exec} that follows. Descriptors: 3 and 4 keep the launcher's pipes while the
	 * streams are tried, 5 is the shell's open of the PID file and 7 the FIFO; the daemon
	 * inherits none of them, only the descriptor that {@code flock} locked.
	 */
	static final String SCRIPT = String.join("\n",
	// @formatter:off
			"cd -- \"$1\" || exit 125",
			"umask \"$2\" || exit 125",
			"mask=$2 prefix=$3 private=$4 pidfile=$5 in=$6 out=$7 err=$8 flock=$9",
			"shift 9",
			"token=$1",
			"shift",
			"status=$private/status",
			"if mkfifo -m 600 -- \"$status\" 2>/dev/null && { command exec 7<>\"$status\"; } 2>/dev/null; then :;"
					+ " else status=; fi",
			"fresh() { [ ! -e \"$1\" ] && [ ! -L \"$1\" ]; }",
			"plain() { [ -f \"$1\" ] && [ ! -L \"$1\" ]; }",
			"writable() { { plain \"$1\" && [ -w \"$1\" ]; } || { fresh \"$1\" && [ -d \"${1%/*}\" ] && [ -w \"${1%/*}\" ]; }; }",
			"streams() {",
			"  exec 3>&2 4>&1 2>/dev/null",
			"  if [ \"$out\" = \"$err\" ]; then command exec <\"$in\" >>\"$out\" 2>&1;"
					+ " else command exec <\"$in\" >>\"$out\" 2>>\"$err\"; fi && return 0",
			"  exec 1>&4 2>&3 3>&- 4>&-",
			"  return 1",
			"}",
			"pidfile() {",
			"  if plain \"$pidfile\"; then",
			"    created=0",
			"    { command exec 5<\"$pidfile\"; } 2>/dev/null",
			"  elif fresh \"$pidfile\"; then",
			"    created=1",
			"    umask 022; set -C",
			"    { command exec 5>\"$pidfile\"; } 2>/dev/null; made=$?",
			"    set +C; umask \"$mask\"",
			"    return \"$made\"",
			"  else",
			"    return 1",
			"  fi",
			"}",
			"unlock() {",
			"  if [ \"$created\" = 1 ]; then \"$flock\" -n /proc/self/fd/5 rm -f -- \"$pidfile\" 2>/dev/null; fi",
			"  exec 5<&-",
			"}",
			"prepare() {",
			"  [ -n \"$status\" ] && [ -x \"$flock\" ] || return 1",
			"  \"$flock\" -F -n \"$private\" true 2>/dev/null || return 1",
			"  { [ \"$in\" = /dev/null ] || plain \"$in\"; } && writable \"$out\" && writable \"$err\" || return 1",
			"  pidfile || return 1",
			"  [ -e /proc/self/fd/5 ] && streams && return 0",
			"  unlock",
			"  return 1",
			"}",
			"start() {",
			"  exec 7<&-",
			"  if prepare; then",
			"    export DAEMONIKER_START=\"$token prepared $created $private\"",
			"    exec 3>&-",
			"    exec \"$flock\" -F -n -E " + LOCKED_STATUS + " /proc/self/fd/5 /bin/sh -c '" + BEFORE_JVM
					+ "' sh \"$prefix\" \"$created\" \"$@\"",
			"  fi",
			"  export DAEMONIKER_START=\"$token classic 0 $private\"",
			"  exec /bin/sh -c '" + BEFORE_CLASSIC_JVM + "' sh \"$prefix\" \"$@\"",
			"}",
			"exec 0</dev/null",
			"( start \"$@\" )");
	// @formatter:on

	/**
	 * Returns the intermediate shell's arguments after {@code /bin/sh}.
	 * @param spec what to start
	 * @return the arguments
	 */
	List<String> shellArguments(DaemonSpawner.Spec spec) {
		List<String> arguments = new ArrayList<>(List.of("-c", SCRIPT, "daemoniker", spec.directory().toString(),
				spec.octalUmask(), spec.handshakePrefix(), this.directory.path().toString(), this.pidFile.toString(),
				this.stdin.toString(), this.stdout.toString(), this.stderr.toString(), this.flock.toString(),
				this.token));
		arguments.addAll(spec.command());
		return arguments;
	}

}
