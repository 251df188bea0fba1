/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;

import io.daemoniker.DaemonStatus;
import io.daemoniker.Daemoniker;
import io.daemoniker.PidFileException;
import io.daemoniker.internal.platform.Processes;

/**
 * Stops the daemon of a PID file the way an LSB init script does: {@code SIGTERM}, then
 * wait until the process is gone. A daemon that is not running is no failure. With a
 * kill-after time, a daemon that is still running then gets {@code SIGKILL}, and the PID
 * file that it could not remove is removed for it.
 */
final class StopCommand {

	/** How long a process may take to vanish after {@code SIGKILL}. */
	private static final Duration AFTER_KILL = Duration.ofSeconds(30);

	private final PrintStream out;

	private final PrintStream err;

	private final Progress progress;

	StopCommand(PrintStream out, PrintStream err, Progress progress) {
		this.out = out;
		this.err = err;
		this.progress = progress;
	}

	/**
	 * What a stop found and did.
	 *
	 * @param exitCode the exit code for the command
	 * @param pid the daemon that was stopped, if one ran
	 */
	record Outcome(int exitCode, OptionalLong pid) {

		boolean stopped() {
			return this.exitCode == ExitCodes.OK;
		}

	}

	/**
	 * Stops a daemon.
	 * @param pidFile the PID file
	 * @param timeout how long to wait after {@code SIGTERM}
	 * @param killAfter whether to send {@code SIGKILL} when the timeout has passed
	 * @return the outcome
	 */
	Outcome stop(Path pidFile, Duration timeout, boolean killAfter) {
		SignalPath.prepare(pidFile);
		DaemonStatus status = Daemoniker.status(pidFile);
		if (!status.isRunning()) {
			return notRunning(status);
		}
		long pid = status.pid().getAsLong();
		this.progress.waiting(
				"sent SIGTERM to pid " + pid + ", waiting up to " + DurationParser.format(timeout) + " for it to exit");
		boolean stopped;
		try {
			stopped = Daemoniker.stop(pidFile, timeout);
		}
		catch (PidFileException ex) {
			// It ended between the look and the signal.
			DaemonStatus now = Daemoniker.status(pidFile);
			if (!now.isRunning()) {
				return notRunning(now);
			}
			throw ex;
		}
		if (stopped) {
			this.out.println("stopped (pid " + pid + ")");
			return new Outcome(ExitCodes.OK, OptionalLong.of(pid));
		}
		if (!killAfter) {
			this.err.println("daemoniker: still running (pid " + pid + ") " + DurationParser.format(timeout)
					+ " after SIGTERM; try again with a longer --timeout, or use --kill-after");
			return new Outcome(ExitCodes.FAILED, OptionalLong.of(pid));
		}
		return kill(pidFile, pid, timeout);
	}

	private Outcome kill(Path pidFile, long pid, Duration grace) {
		try {
			Daemoniker.kill(pidFile);
		}
		catch (PidFileException ex) {
			// It ended, or released its PID file, just as the grace time ran out.
			if (Processes.awaitGone(pid, AFTER_KILL)) {
				this.out.println("stopped (pid " + pid + ")");
				return new Outcome(ExitCodes.OK, OptionalLong.of(pid));
			}
			throw ex;
		}
		this.progress.waiting("sent SIGKILL to pid " + pid + ", waiting for it to vanish");
		if (!Processes.awaitGone(pid, AFTER_KILL)) {
			this.err.println("daemoniker: pid " + pid + " still exists " + DurationParser.format(AFTER_KILL)
					+ " after SIGKILL (a process stuck in the kernel, state D in ps); it cannot be stopped from here");
			return new Outcome(ExitCodes.FAILED, OptionalLong.of(pid));
		}
		String removed;
		try {
			removed = StalePidFile.remove(pidFile, pid) ? "; removed its PID file " + pidFile.toAbsolutePath() : "";
		}
		catch (IOException ex) {
			removed = "; could not remove its PID file " + pidFile.toAbsolutePath() + ": " + ex.getMessage();
		}
		this.out.println(
				"killed (pid " + pid + ") with SIGKILL, " + DurationParser.format(grace) + " after SIGTERM" + removed);
		return new Outcome(ExitCodes.OK, OptionalLong.of(pid));
	}

	private Outcome notRunning(DaemonStatus status) {
		if (status.state() == DaemonStatus.State.UNTRUSTED) {
			this.err.println("daemoniker: not stopping: " + status.description());
			return new Outcome(ExitCodes.FAILED, OptionalLong.empty());
		}
		// LSB: stopping a service that is not running succeeds.
		this.out.println(status.description());
		return new Outcome(ExitCodes.OK, OptionalLong.empty());
	}

}
