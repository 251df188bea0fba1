/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import io.daemoniker.internal.launch.ArgsCodec;
import io.daemoniker.internal.launch.DaemonSide;
import io.daemoniker.internal.launch.ForegroundSide;
import io.daemoniker.internal.launch.Launcher;
import io.daemoniker.internal.launch.ProcessSettings;
import io.daemoniker.internal.pidfile.PidFileInspector;
import io.daemoniker.internal.pidfile.PidFileLock;
import io.daemoniker.internal.platform.OperatingSystem;
import io.daemoniker.internal.platform.Platform;
import io.daemoniker.internal.platform.Processes;
import io.daemoniker.internal.platform.SignalNotDeliveredException;
import io.daemoniker.internal.platform.StandardStreams;
import io.daemoniker.internal.signal.SignalNumbers;
import org.jspecify.annotations.Nullable;

/**
 * Daemonizes the running application and signals daemons through their PID files.
 * <p>
 * A JVM cannot fork, so the daemon is a fresh JVM started from the launcher's own command
 * line, detached from the launcher's session and terminal. The launcher runs the
 * application up to {@code daemonize}, waits there until the daemon confirms its
 * start-up, and exits with status 0; the daemon runs the application from the start
 * again, and {@code daemonize} returns in it the arguments that the launcher passed. Code
 * before {@code daemonize} thus runs in both: keep it to what the daemon needs too, or
 * use {@link Daemonizer} for set-up code that must run once, in the launcher.
 *
 * <pre class="code">
 * public static void main(String[] args) {
 *     List&lt;Object&gt; passed = Daemoniker.daemonize(Path.of("app.pid"), options, args[0]);
 *     // Only the daemon gets here.
 * }
 * </pre>
 */
public final class Daemoniker {

	/**
	 * The handler that ignores its signal; the same as
	 * {@link SignalHandler1#IGNORE_SIGNAL}.
	 */
	public static final SignalAction IGNORE_SIGNAL = SignalHandler1.IGNORE_SIGNAL;

	/**
	 * How long {@code send} waits on Windows for the daemon to publish its next signal
	 * sentinel.
	 */
	private static final Duration SENTINEL_PATIENCE = Duration.ofSeconds(5);

	private Daemoniker() {
	}

	/**
	 * Daemonizes with the default options.
	 * @param pidFile the PID file
	 * @param args plain data to pass to the daemon (see
	 * {@link #daemonize(Path, DaemonizeOptions, Object...)})
	 * @return in the daemon, the arguments; the launcher does not return
	 * @see #daemonize(Path, DaemonizeOptions, Object...)
	 */
	public static List<@Nullable Object> daemonize(Path pidFile, @Nullable Object... args) {
		return daemonize(pidFile, DaemonizeOptions.defaults(), args);
	}

	/**
	 * Daemonizes the running application. In the launcher, starts the daemon, waits until
	 * it confirms start-up, and exits the JVM with status 0; on failure it throws, after
	 * copying to its own standard streams whatever the daemon printed. In the daemon,
	 * takes the PID file, redirects the standard streams, confirms start-up (unless
	 * {@link DaemonizeOptions#manualReadiness()}), and returns the arguments.
	 * <p>
	 * When {@link DaemonizeOptions#mode()} resolves to {@link RunMode#FOREGROUND}, there
	 * is no launcher: this process takes the PID file, applies the user and core dump
	 * settings, tells systemd it is ready if systemd asks ({@code NOTIFY_SOCKET}), and
	 * returns the arguments as given; its standard streams stay with its supervisor.
	 * @param pidFile the PID file, created exclusively and locked for the daemon's life
	 * @param options the options
	 * @param args plain data to pass to the daemon: {@code null}, {@code String},
	 * {@code Boolean}, {@code Integer}, {@code Long}, {@code Double}, {@code byte[]}, and
	 * {@code List}s and {@code String}-keyed {@code Map}s of these
	 * @return in the daemon, the arguments, in order; the launcher does not return
	 * @throws IllegalArgumentException if an argument is not plain data
	 * @throws DaemonikerException in the daemon, if it cannot take its PID file or
	 * redirect its streams (the launcher is told first)
	 */
	public static List<@Nullable Object> daemonize(Path pidFile, DaemonizeOptions options, @Nullable Object... args) {
		DaemonizeResult result;
		try {
			result = daemonizeOnce(pidFile, options, args);
		}
		catch (DaemonikerException ex) {
			if (isDaemon()) {
				throw ex;
			}
			System.out.flush();
			System.err.println("daemoniker: " + ex.getMessage());
			System.exit(1);
			throw ex;
		}
		if (result.isParent()) {
			exitLauncher();
		}
		return result.args();
	}

	static DaemonizeResult daemonizeOnce(Path pidFile, DaemonizeOptions options, @Nullable Object[] args) {
		Objects.requireNonNull(pidFile, "pidFile");
		Objects.requireNonNull(options, "options");
		if (DaemonSide.isDaemon()) {
			return new DaemonizeResult(false, DaemonSide.become().request().args(), ProcessHandle.current().pid());
		}
		if (options.mode().isForeground(Supervision.detect())) {
			ArgsCodec.check(args);
			ForegroundSide.become(pidFile, ProcessSettings.from(options), options.manualReadiness());
			return new DaemonizeResult(false, java.util.Collections.unmodifiableList(Arrays.asList(args.clone())),
					ProcessHandle.current().pid());
		}
		long pid = Launcher.forOptions(options).launch(pidFile, options, args);
		return new DaemonizeResult(true, Arrays.asList(new @Nullable Object[args.length]), pid);
	}

	static void exitLauncher() {
		System.out.flush();
		System.err.flush();
		System.exit(0);
	}

	/**
	 * Returns whether this JVM is a daemon started by {@code daemonize}. True from the
	 * start of the daemon's JVM, before it calls {@code daemonize}.
	 * @return {@code true} in the daemon
	 */
	public static boolean isDaemon() {
		return DaemonSide.isDaemon();
	}

	/**
	 * Confirms the daemon's start-up to its launcher, which then exits with status 0. For
	 * daemons that daemonize with {@link DaemonizeOptions#manualReadiness()}; does
	 * nothing elsewhere or once the launcher was told.
	 */
	public static void notifyReady() {
		DaemonSide side = DaemonSide.current();
		if (side != null) {
			side.ready();
		}
		ForegroundSide foreground = ForegroundSide.current();
		if (foreground != null) {
			foreground.ready();
		}
	}

	/**
	 * Tells the daemon's launcher that start-up failed, which makes it print the message
	 * and exit with a non-zero status. The daemon should exit afterwards. Does nothing
	 * elsewhere or once the launcher was told.
	 * @param message why start-up failed
	 */
	public static void notifyStartupFailed(String message) {
		DaemonSide side = DaemonSide.current();
		if (side != null) {
			side.failed(message);
		}
		ForegroundSide foreground = ForegroundSide.current();
		if (foreground != null) {
			foreground.failed(message);
		}
	}

	/**
	 * Reopens the files that the daemon's standard output and error are appended to, as
	 * {@link DaemonizeOptions.Builder#reopenStreamsOn(String)} does on its signal: after
	 * a log file was renamed, new output goes to a new file under the old name.
	 * @throws IllegalStateException if this JVM is not a daemon that has daemonized
	 * @throws DaemonikerException if a file cannot be reopened; the streams are then left
	 * as they were
	 */
	public static void reopenStandardStreams() {
		DaemonSide side = DaemonSide.current();
		if (side == null) {
			throw new IllegalStateException("this JVM is not a daemon started by daemonize(), so it has no log files"
					+ " to reopen; use reopenStandardStreams(stdout, stderr)");
		}
		try {
			side.reopenStandardStreams();
		}
		catch (IOException ex) {
			throw new DaemonikerException(ex.getMessage(), ex);
		}
	}

	/**
	 * Points standard output and error of this process at files, appending and creating
	 * them when missing (Unix). {@code System.out} and {@code System.err} follow, since
	 * they write to descriptors 1 and 2.
	 * @param stdout file for standard output, or {@code null} to leave it
	 * @param stderr file for standard error, or {@code null} to leave it; may be the same
	 * file as {@code stdout}
	 * @throws DaemonikerException if a file cannot be opened; the streams are then left
	 * as they were
	 */
	public static void reopenStandardStreams(@Nullable Path stdout, @Nullable Path stderr) {
		for (Path target : new Path[] { stdout, stderr }) {
			if (target != null && PidFileLock.reachedThrough(target).isPresent()) {
				throw new DaemonikerException("cannot send standard output or error to " + target
						+ ": it is this process's PID file; give a log file instead");
			}
		}
		try {
			StandardStreams.reopen((stdout != null) ? stdout.toAbsolutePath() : null,
					(stderr != null) ? stderr.toAbsolutePath() : null);
		}
		catch (IOException ex) {
			throw new DaemonikerException(ex.getMessage(), ex);
		}
	}

	/**
	 * Tells what a PID file says about its daemon. Never signals anything.
	 * @param pidFile the PID file
	 * @return the status
	 */
	public static DaemonStatus status(Path pidFile) {
		return new PidFileInspector(Platform.current()).inspect(pidFile);
	}

	/**
	 * Sends a signal, named by an exception instance such as {@code new SIGTERM()}, to
	 * the daemon of a PID file.
	 * @param pidFile the PID file
	 * @param signal the signal
	 * @throws PidFileError if the PID file is missing, stale or cannot be trusted
	 * @throws SignalError if the signal cannot be sent
	 */
	public static void send(Path pidFile, ReceivedSignal signal) {
		send(pidFile, signal.signum());
	}

	/**
	 * Sends a signal, named by its exception class such as {@code SIGTERM.class}, to the
	 * daemon of a PID file.
	 * @param pidFile the PID file
	 * @param signal the signal
	 * @throws PidFileError if the PID file is missing, stale or cannot be trusted
	 * @throws SignalError if the signal cannot be sent
	 */
	public static void send(Path pidFile, Class<? extends ReceivedSignal> signal) {
		send(pidFile, ReceivedSignal.signumOf(signal));
	}

	/**
	 * Sends a signal, named as {@code TERM}, {@code SIGTERM} or {@code sigterm}, to the
	 * daemon of a PID file.
	 * @param pidFile the PID file
	 * @param signal the signal's name
	 * @throws IllegalArgumentException if the name is unknown
	 * @throws PidFileError if the PID file is missing, stale or cannot be trusted
	 * @throws SignalError if the signal cannot be sent
	 */
	public static void send(Path pidFile, String signal) {
		send(pidFile,
				SignalNumbers.number(signal)
					.orElseThrow(() -> new IllegalArgumentException("unknown signal \"" + signal + "\"; known here: "
							+ String.join(", ", SignalNumbers.all().keySet()))));
	}

	/**
	 * Sends a signal, by number, to the daemon of a PID file. The signal is sent only if
	 * the PID file is locked by the process whose PID it holds: a PID left in a stale
	 * file may belong to an unrelated process by now.
	 * @param pidFile the PID file
	 * @param signum the signal number on this operating system
	 * @throws IllegalArgumentException if the number is not a signal
	 * @throws PidFileError if the PID file is missing, stale or cannot be trusted
	 * @throws SignalError if the signal cannot be sent
	 */
	public static void send(Path pidFile, int signum) {
		if (signum <= 0 || signum > 64) {
			throw new IllegalArgumentException("signal number " + signum + " is out of range; use 1 to 64");
		}
		long pid = runningPid(pidFile);
		long deadline = System.nanoTime() + SENTINEL_PATIENCE.toNanos();
		boolean sentinels = OperatingSystem.current() == OperatingSystem.WINDOWS;
		while (true) {
			long target = pid;
			try {
				// Checked again once the process is pinned: the daemon may have exited
				// and
				// its PID been reused since the first check.
				boolean sent = Platform.current().killIf(target, signum, () -> {
					DaemonStatus status = status(pidFile);
					return status.isRunning() && status.pid().orElse(-1) == target;
				});
				if (sent) {
					return;
				}
				if (!sentinels || System.nanoTime() - deadline > 0) {
					throw new PidFileError(pidFile.toAbsolutePath().normalize(), "not signalling: pid " + target
							+ " no longer holds the lock of this PID file: " + status(pidFile).description());
				}
				// Windows: the daemon replaced its sentinel in between.
				pid = runningPid(pidFile);
			}
			catch (SignalNotDeliveredException ex) {
				// Windows: the signal met a sentinel in the moment it was being replaced
				// (or another sender's signal); the PID file names the next one.
				if (System.nanoTime() - deadline > 0) {
					throw new SignalError("cannot send SIG" + SignalNumbers.name(signum) + " to the daemon of "
							+ pidFile + ": " + ex.getMessage(), ex);
				}
				pid = runningPid(pidFile);
			}
			catch (IOException ex) {
				throw new SignalError("cannot send SIG" + SignalNumbers.name(signum) + " to pid " + target + " of "
						+ pidFile + ": " + ex.getMessage(), ex);
			}
		}
	}

	/**
	 * Stops the daemon of a PID file: sends {@code SIGTERM} and waits until the daemon
	 * has released its PID file, which it does when it has exited.
	 * @param pidFile the PID file
	 * @param timeout how long to wait
	 * @return {@code true} if the daemon stopped in time, {@code false} if it still runs
	 * @throws PidFileError if the PID file is missing, stale or cannot be trusted
	 * @throws SignalError if the signal cannot be sent
	 */
	public static boolean stop(Path pidFile, Duration timeout) {
		long pid = runningPid(pidFile);
		send(pidFile, SIGTERM.SIGNUM);
		long deadline = System.nanoTime() + timeout.toNanos();
		// On Windows the PID file names the signal sentinel, which is replaced on each
		// signal: only the lock's release tells that the daemon is gone.
		boolean byLockOnly = OperatingSystem.current() == OperatingSystem.WINDOWS;
		while (true) {
			DaemonStatus status = status(pidFile);
			boolean released = status.state() == DaemonStatus.State.NOT_RUNNING
					|| status.state() == DaemonStatus.State.STALE || (!byLockOnly && status.pid().orElse(-1) != pid);
			if (released || (!byLockOnly && Processes.isGone(pid))) {
				return true;
			}
			if (System.nanoTime() - deadline > 0) {
				return false;
			}
			try {
				Thread.sleep(25);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
	}

	private static long runningPid(Path pidFile) {
		DaemonStatus status = status(pidFile);
		long deadline = System.nanoTime() + SENTINEL_PATIENCE.toNanos();
		while (OperatingSystem.current() == OperatingSystem.WINDOWS && status.state() == DaemonStatus.State.UNTRUSTED
				&& status.pid().isPresent() && Processes.isGone(status.pid().getAsLong())
				&& System.nanoTime() - deadline < 0) {
			// The daemon holds its PID file but the sentinel it names has just ended: the
			// next one is being published.
			pause(10);
			status = status(pidFile);
		}
		if (!status.isRunning()) {
			throw new PidFileError(status.pidFile(), "not signalling: " + status.description());
		}
		return status.pid().orElseThrow();
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
