/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

import io.daemoniker.internal.launch.daemon.DaemonSide;
import io.daemoniker.internal.launch.daemon.ForegroundSide;
import io.daemoniker.internal.launch.daemon.StartReport;
import io.daemoniker.internal.platform.CurrentProcess;
import org.jspecify.annotations.Nullable;

/**
 * This process under Daemoniker: a daemon that {@code daemonize} started, or a process
 * that daemonized in the foreground under a supervisor. It holds the PID file until the
 * process ends, and it is how the application tells its launcher (or systemd) that
 * start-up is over.
 * <p>
 * There is at most one per process. {@link Daemoniker#start} returns it (through
 * {@link DaemonizeResult#handle()}), and {@link #current()} finds it from anywhere once
 * daemonization took the PID file; in the launcher, which ends once the daemon is up,
 * there is none.
 * <p>
 * With {@link DaemonizeOptions#manualReadiness()}, the daemon calls
 * {@link #notifyReady()} once it can serve, and the launcher returns from
 * {@code Daemoniker.start} only then (the README shows the whole flow).
 */
public final class DaemonHandle {

	private static @Nullable DaemonHandle current;

	private final Path pidFile;

	private final RunMode mode;

	private final long pid;

	private final StartReport side;

	private DaemonHandle(Path pidFile, RunMode mode, StartReport side) {
		this.pidFile = pidFile;
		this.mode = mode;
		this.pid = CurrentProcess.pid();
		this.side = side;
	}

	/**
	 * Returns the handle of this process, once daemonization took its PID file.
	 * @return the handle, or empty in a process that has not daemonized (the launcher
	 * among them) and in a daemon before it called {@code daemonize}
	 */
	public static synchronized Optional<DaemonHandle> current() {
		return Optional.ofNullable(current);
	}

	static synchronized DaemonHandle of(DaemonSide side) {
		return publish(new DaemonHandle(side.pidFile().path(), RunMode.DAEMON, side));
	}

	static synchronized DaemonHandle of(ForegroundSide side) {
		return publish(new DaemonHandle(side.pidFile().path(), RunMode.FOREGROUND, side));
	}

	private static DaemonHandle publish(DaemonHandle handle) {
		current = handle;
		return handle;
	}

	/**
	 * Returns the PID file this process holds, as an absolute path resolved as the kernel
	 * resolved it when the file was taken.
	 * @return the PID file
	 */
	public Path pidFile() {
		return this.pidFile;
	}

	/**
	 * Returns how this process runs.
	 * @return {@link RunMode#DAEMON} in a daemon, {@link RunMode#FOREGROUND} under a
	 * supervisor; never {@link RunMode#AUTO}
	 */
	public RunMode mode() {
		return this.mode;
	}

	/**
	 * Returns this process's PID, the one its PID file holds (on Windows the PID file
	 * names a signal sentinel once signals are handled; this is still the daemon's own).
	 * @return the PID
	 */
	public long pid() {
		return this.pid;
	}

	/**
	 * Confirms start-up: a daemon's launcher then exits with status 0, and systemd, when
	 * it asks ({@code NOTIFY_SOCKET}), hears {@code READY=1}. For processes that
	 * daemonized with {@link DaemonizeOptions#manualReadiness()}; does nothing once
	 * start-up was confirmed or reported as failed.
	 */
	public void notifyReady() {
		this.side.ready();
	}

	/**
	 * Reports that start-up failed: a daemon's launcher then prints the message and exits
	 * with a non-zero status, and systemd, when it asks, gets the message as the unit's
	 * status. The process should exit afterwards. Does nothing to the launcher once it
	 * was told how start-up ended.
	 * @param message why start-up failed
	 */
	public void notifyStartupFailed(String message) {
		this.side.failed(Objects.requireNonNull(message, "message"));
	}

	/**
	 * Reopens the files that the daemon's standard output and error are appended to, as
	 * {@link DaemonizeOptions.Builder#reopenStreamsOn(String)} does on its signal: after
	 * a log file was renamed, new output goes to a new file under the old name.
	 * @throws IllegalStateException in the foreground, where the supervisor owns the
	 * standard streams
	 * @throws DaemonikerException if a file cannot be reopened; the streams are then left
	 * as they were
	 */
	public void reopenStandardStreams() {
		if (!(this.side instanceof DaemonSide daemon)) {
			throw new IllegalStateException("this process runs in the foreground, where its supervisor owns the"
					+ " standard streams, so it has no log files to reopen; use"
					+ " Daemoniker.reopenStandardStreams(stdout, stderr)");
		}
		try {
			daemon.reopenStandardStreams();
		}
		catch (IOException ex) {
			throw new DaemonikerException(ex.getMessage(), ex);
		}
	}

	@Override
	public String toString() {
		return "pid " + this.pid + " (" + this.mode.name().toLowerCase(java.util.Locale.ROOT) + "), PID file "
				+ this.pidFile;
	}

}
