/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.launch.spawn;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import io.daemoniker.StartupException;
import io.daemoniker.internal.windows.WindowsLaunch;
import org.jspecify.annotations.Nullable;

/**
 * Starts the daemon JVM detached from the launcher: in a new session that it does not
 * lead, with no controlling terminal, in its working directory and under its umask, with
 * every inherited descriptor above 2 closed except the shielded ones, and with its
 * standard streams connected to the returned process so that the launcher can talk to it
 * while it starts. The returned process is the short-lived intermediate, not the daemon.
 * <p>
 * Public for the launcher's {@code Launcher}, which builds the {@link Spec} and calls the
 * spawner that {@link Spawners} chose.
 */
public interface DaemonSpawner {

	/**
	 * Starts the daemon.
	 * @param spec what to start and how
	 * @return the intermediate process, whose streams reach the daemon
	 * @throws IOException if nothing could be started
	 */
	Process spawn(Spec spec) throws IOException;

	/**
	 * Returns whether this spawner starts the daemon through a {@link ShellStart} when
	 * the spec has one.
	 * @return {@code true} if the shell can prepare the daemon
	 */
	default boolean canPrepareInShell() {
		return false;
	}

	/**
	 * What to start.
	 *
	 * @param directory the daemon's working directory
	 * @param umask the daemon's file creation mask
	 * @param command the daemon's command line
	 * @param shieldedFds descriptors the daemon inherits
	 * @param fdFallbackLimit highest descriptor to close plus one when there is no limit
	 * @param handshakePrefix prefix of the line that reports the daemon's PID
	 * @param stdio the files for the daemon's standard input, output and error, which the
	 * Windows spawner gives it as its standard handles; {@code null} elsewhere
	 * @param shellStart what the intermediate shell prepares for the daemon, or
	 * {@code null} when the daemon prepares everything itself
	 */
	record Spec(Path directory, int umask, List<String> command, Set<Integer> shieldedFds, int fdFallbackLimit,
			String handshakePrefix, WindowsLaunch.@Nullable StandardTargets stdio, @Nullable ShellStart shellStart) {

		Spec(Path directory, int umask, List<String> command, Set<Integer> shieldedFds, int fdFallbackLimit,
				String handshakePrefix) {
			this(directory, umask, command, shieldedFds, fdFallbackLimit, handshakePrefix, null, null);
		}

		/**
		 * The intermediate shell: it leads the new session and starts the daemon in the
		 * background, so that the daemon is not a session leader, and reports its PID.
		 * Its own standard input is handed on explicitly, through a spare descriptor
		 * given as the fourth argument, because a shell gives background jobs the null
		 * device otherwise. The spare descriptor is one that is not shielded, so the
		 * hand-off cannot overwrite a descriptor that the daemon must inherit. It then
		 * waits until the launcher ends it after the handshake: the JDK closes a child's
		 * pipes as soon as the child exits, and the daemon still writes to them until it
		 * is ready. Once it is gone the daemon belongs to init.
		 */
		static final String SCRIPT = String.join("\n", "cd -- \"$1\" || exit 125", "umask \"$2\" || exit 125",
				"prefix=$3", "spare=$4", "shift 4", "eval \"exec $spare<&0\"",
				"eval \"\\\"\\$@\\\" <&$spare $spare<&- &\"", "daemon=$!", "eval \"exec $spare<&- 0</dev/null\"",
				"printf '%s spawned %s\\n' \"$prefix\" \"$daemon\"", "wait \"$daemon\"");

		/**
		 * The lowest descriptor that a POSIX shell can name in a redirection (it knows
		 * single digits only) and that is not shielded.
		 * @return the spare descriptor for the stdin hand-off
		 * @throws StartupException if every descriptor from 3 to 9 is shielded
		 */
		int spareFd() {
			for (int fd = 3; fd <= 9; fd++) {
				if (!this.shieldedFds.contains(fd)) {
					return fd;
				}
			}
			throw new StartupException("cannot shield all of the descriptors 3 to 9: the intermediate /bin/sh needs "
					+ "one of them to hand its standard input on to the daemon; shield fewer of them");
		}

		/**
		 * Returns the umask as the shell's {@code umask} takes it, three octal digits.
		 * Written by hand: {@code String.format} would load {@code java.util.Formatter}
		 * and its regular expressions into the launcher's short-lived JVM.
		 * @return the digits
		 */
		String octalUmask() {
			String digits = Integer.toOctalString(this.umask);
			return "000".substring(Math.min(3, digits.length())) + digits;
		}

		List<String> shellArguments() {
			List<String> arguments = new java.util.ArrayList<>(List.of("-c", SCRIPT, "daemoniker",
					this.directory.toString(), octalUmask(), this.handshakePrefix, Integer.toString(spareFd())));
			arguments.addAll(this.command);
			return arguments;
		}

	}

}
