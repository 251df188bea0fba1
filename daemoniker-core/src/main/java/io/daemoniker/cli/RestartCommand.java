/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;

import io.daemoniker.DaemonStatus;
import io.daemoniker.Daemoniker;
import io.daemoniker.DaemonikerException;

/**
 * Restarts the daemon of a PID file: reads how it was started (command line, working
 * directory, environment) while it still runs, stops it, and runs its launcher again,
 * which returns once the new daemon has confirmed its start-up, as at the first start.
 */
final class RestartCommand {

	private final PrintStream out;

	private final PrintStream err;

	private final Progress progress;

	private final StopCommand stop;

	RestartCommand(PrintStream out, PrintStream err, Progress progress) {
		this.out = out;
		this.err = err;
		this.progress = progress;
		this.stop = new StopCommand(out, err, progress);
	}

	int restart(Path pidFile, Duration timeout) {
		DaemonStatus status = Daemoniker.status(pidFile);
		if (!status.isRunning()) {
			this.err.println("daemoniker: not restarting: " + status.description()
					+ "; only a running daemon tells how it was started, so start it the way it was started");
			return (status.state() == DaemonStatus.State.UNTRUSTED) ? ExitCodes.FAILED : ExitCodes.NOT_RUNNING;
		}
		DaemonProcess daemon = DaemonProcess.of(status.pid().getAsLong());
		StopCommand.Outcome stopped = this.stop.stop(pidFile, timeout, false);
		if (!stopped.stopped()) {
			this.err.println("daemoniker: not restarting while the old daemon runs");
			return stopped.exitCode();
		}
		this.progress.waiting("starting " + String.join(" ", daemon.command()) + " in " + daemon.directory()
				+ ", waiting for it to confirm its start-up");
		ProcessBuilder builder = new ProcessBuilder(daemon.command()).directory(daemon.directory().toFile())
			.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
			.redirectOutput(ProcessBuilder.Redirect.INHERIT)
			.redirectError(ProcessBuilder.Redirect.INHERIT);
		builder.environment().clear();
		builder.environment().putAll(daemon.environment());
		int exit;
		try {
			Process launcher = builder.start();
			exit = launcher.waitFor();
		}
		catch (IOException ex) {
			throw new DaemonikerException("stopped pid " + daemon.pid() + " but cannot start it again ("
					+ daemon.command().get(0) + " in " + daemon.directory() + "): " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DaemonikerException("interrupted while the new daemon was starting", ex);
		}
		if (exit != 0) {
			this.err.println("daemoniker: stopped pid " + daemon.pid() + ", but its new start failed (the launcher"
					+ " exited with status " + exit + "; its messages are above)");
			return ExitCodes.FAILED;
		}
		DaemonStatus restarted = Daemoniker.status(pidFile);
		this.out.println("restarted (pid " + daemon.pid() + " -> "
				+ (restarted.pid().isPresent() ? restarted.pid().getAsLong() : "?") + ")");
		return ExitCodes.OK;
	}

}
