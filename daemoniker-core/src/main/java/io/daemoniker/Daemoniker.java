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
import java.util.Optional;
import java.util.function.BooleanSupplier;

import io.daemoniker.internal.launch.ArgsCodec;
import io.daemoniker.internal.launch.LaunchSpec;
import io.daemoniker.internal.launch.daemon.DaemonSide;
import io.daemoniker.internal.launch.daemon.ForegroundSide;
import io.daemoniker.internal.launch.launcher.Launcher;
import io.daemoniker.internal.pidfile.PidFileInspector;
import io.daemoniker.internal.pidfile.PidFileLock;
import io.daemoniker.internal.platform.CurrentProcess;
import io.daemoniker.internal.platform.KernelPaths;
import io.daemoniker.internal.platform.Platform;
import io.daemoniker.internal.platform.ProcessExit;
import io.daemoniker.internal.platform.Processes;
import io.daemoniker.internal.platform.SignalNotDeliveredException;
import io.daemoniker.internal.platform.SignalNumbers;
import io.daemoniker.internal.platform.StandardStreams;
import io.daemoniker.internal.signal.SendableSignals;
import io.daemoniker.systemd.Supervision;
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
	 * <p>
	 * A daemon that cannot take its PID file or redirect its streams tells the launcher
	 * why, which prints it in one line, keeps the stack trace in its error log where it
	 * can, and exits with status 1; use {@link Daemonizer} to handle the failure in the
	 * daemon instead. A launcher interrupted by {@code SIGINT} or {@code SIGTERM} while
	 * it waits stops the starting daemon, removes its PID file, says so, and exits with
	 * status 130 or 143.
	 * @param pidFile the PID file, created exclusively and locked for the daemon's life
	 * @param options the options
	 * @param args plain data to pass to the daemon: {@code null}, {@code String},
	 * {@code Boolean}, {@code Integer}, {@code Long}, {@code Double}, {@code byte[]}, and
	 * {@code List}s and {@code String}-keyed {@code Map}s of these
	 * @return in the daemon, the arguments, in order; the launcher does not return
	 * @throws IllegalArgumentException if an argument is not plain data, or the arguments
	 * are too many or too large (checked in the launcher, before the daemon starts)
	 * @throws NullPointerException if an argument of this method is {@code null} (the
	 * array, not its elements)
	 */
	public static List<@Nullable Object> daemonize(Path pidFile, DaemonizeOptions options, @Nullable Object... args) {
		DaemonizeResult result;
		try {
			result = start(pidFile, options, args);
		}
		catch (DaemonikerException ex) {
			if (isDaemon()) {
				// The launcher was told in one line, and prints it; the stack trace,
				// where one could be kept, is in the daemon's error log. Nothing more
				// goes to the launcher's terminal.
				System.exit(1);
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

	/**
	 * Daemonizes with the default options, returning in the launcher too.
	 * @param pidFile the PID file
	 * @param args plain data to pass to the daemon
	 * @return whether this is the launcher, and the arguments
	 * @see #start(Path, DaemonizeOptions, Object...)
	 */
	public static DaemonizeResult start(Path pidFile, @Nullable Object... args) {
		return start(pidFile, DaemonizeOptions.defaults(), args);
	}

	/**
	 * Daemonizes as {@link #daemonize(Path, DaemonizeOptions, Object...)} does, but
	 * leaves the end of the JVM to the caller: the launcher gets the result too, once the
	 * daemon confirmed its start-up, and every failure is thrown, in the launcher and in
	 * the daemon (where the launcher was told first). The launcher should then end, by
	 * returning from {@code main} or with {@link System#exit}; the daemon goes on, and
	 * finds its {@link DaemonHandle} in the result or through
	 * {@link DaemonHandle#current()}.
	 * <p>
	 * A launcher interrupted by {@code SIGINT} or {@code SIGTERM} while it waits still
	 * ends at once, as it would have without Daemoniker, once the starting daemon is
	 * stopped.
	 * @param pidFile the PID file, created exclusively and locked for the daemon's life
	 * @param options the options
	 * @param args plain data to pass to the daemon (see
	 * {@link #daemonize(Path, DaemonizeOptions, Object...)})
	 * @return in the launcher, {@link DaemonizeResult#isParent()} with the daemon's PID;
	 * in the daemon, the arguments and its handle
	 * @throws AlreadyRunningException in the launcher, if a live daemon holds the PID
	 * file
	 * @throws StartupException in the launcher, if the daemon did not confirm its
	 * start-up
	 * @throws DaemonikerException in the daemon or in the foreground, if the PID file
	 * cannot be taken, a setting applied or a stream redirected
	 * @throws IllegalArgumentException if an argument is not plain data, or the arguments
	 * are too many or too large (checked in the launcher, before the daemon starts)
	 */
	public static DaemonizeResult start(Path pidFile, DaemonizeOptions options, @Nullable Object... args) {
		Objects.requireNonNull(pidFile, "pidFile");
		Objects.requireNonNull(options, "options");
		Objects.requireNonNull(args, "args");
		if (DaemonSide.isDaemon()) {
			DaemonSide side = DaemonSide.become();
			DaemonHandle.of(side);
			return new DaemonizeResult(false, side.request().args(), CurrentProcess.pid());
		}
		LaunchSpec spec = LaunchSpecs.of(options);
		if (options.mode().isForeground(Supervision.detect())) {
			ArgsCodec.check(args);
			DaemonHandle.of(ForegroundSide.become(pidFile, spec.settings(), spec.manualReadiness()));
			return new DaemonizeResult(false, Arrays.asList(args.clone()), CurrentProcess.pid());
		}
		long pid = Launcher.forSpec(spec).launch(pidFile, spec, args);
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
	 * nothing elsewhere or once the launcher was told; the same as
	 * {@link DaemonHandle#notifyReady()} on the current handle.
	 */
	public static void notifyReady() {
		Optional<DaemonHandle> handle = DaemonHandle.current();
		if (handle.isPresent()) {
			handle.get().notifyReady();
		}
	}

	/**
	 * Tells the daemon's launcher that start-up failed, which makes it print the message
	 * and exit with a non-zero status. The daemon should exit afterwards. Does nothing
	 * elsewhere or once the launcher was told; the same as
	 * {@link DaemonHandle#notifyStartupFailed(String)} on the current handle.
	 * @param message why start-up failed
	 */
	public static void notifyStartupFailed(String message) {
		Objects.requireNonNull(message, "message");
		DaemonHandle.current().ifPresent((handle) -> handle.notifyStartupFailed(message));
	}

	/**
	 * Reopens the files that the daemon's standard output and error are appended to, as
	 * {@link DaemonizeOptions.Builder#reopenStreamsOn(String)} does on its signal: after
	 * a log file was renamed, new output goes to a new file under the old name. The same
	 * as {@link DaemonHandle#reopenStandardStreams()} on the current handle.
	 * @throws IllegalStateException if this JVM is not a daemon that has daemonized
	 * @throws DaemonikerException if a file cannot be reopened; the streams are then left
	 * as they were
	 */
	public static void reopenStandardStreams() {
		DaemonHandle handle = DaemonHandle.current()
			.filter((current) -> current.mode() == RunMode.DAEMON)
			.orElseThrow(() -> new IllegalStateException("this JVM is not a daemon started by daemonize(), so it has"
					+ " no log files to reopen; use reopenStandardStreams(stdout, stderr)"));
		handle.reopenStandardStreams();
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
		Objects.requireNonNull(pidFile, "pidFile");
		return new PidFileInspector(Platform.current()).inspect(pidFile);
	}

	/**
	 * Sends a signal, named by an exception instance such as {@code new SIGTERM()}, to
	 * the daemon of a PID file.
	 * @param pidFile the PID file
	 * @param signal the signal
	 * @return a one-line account of the delivery, for an operator
	 * @throws IllegalArgumentException if the signal is not one a JVM daemon takes (see
	 * {@link #send(Path, int)})
	 * @throws PidFileException if the PID file is missing, stale or cannot be trusted
	 * @throws SignalError if the signal cannot be sent
	 */
	public static String send(Path pidFile, ReceivedSignal signal) {
		Objects.requireNonNull(signal, "signal");
		return send(pidFile, signal.signum());
	}

	/**
	 * Sends a signal, named by its exception class such as {@code SIGTERM.class}, to the
	 * daemon of a PID file.
	 * @param pidFile the PID file
	 * @param signal the signal
	 * @return a one-line account of the delivery, for an operator
	 * @throws IllegalArgumentException if the class does not name one signal
	 * @throws PidFileException if the PID file is missing, stale or cannot be trusted
	 * @throws SignalError if the signal cannot be sent
	 */
	public static String send(Path pidFile, Class<? extends ReceivedSignal> signal) {
		Objects.requireNonNull(signal, "signal");
		return send(pidFile, ReceivedSignal.signumOf(signal));
	}

	/**
	 * Sends a signal, named as {@code TERM}, {@code SIGTERM} or {@code sigterm}, to the
	 * daemon of a PID file.
	 * @param pidFile the PID file
	 * @param signal the signal's name
	 * @return a one-line account of the delivery, for an operator
	 * @throws IllegalArgumentException if the name is unknown, or the signal is not one a
	 * JVM daemon takes (see {@link #send(Path, int)})
	 * @throws PidFileException if the PID file is missing, stale or cannot be trusted
	 * @throws SignalError if the signal cannot be sent
	 */
	public static String send(Path pidFile, String signal) {
		Objects.requireNonNull(signal, "signal");
		return send(pidFile, SignalNumbers.number(signal)
			.orElseThrow(() -> new IllegalArgumentException(
					"unknown signal \"" + signal + "\"; send one of " + String.join(", ", SendableSignals.names()))));
	}

	/**
	 * Sends a signal, by number, to the daemon of a PID file. The signal is sent only if
	 * the PID file is locked by the process whose PID it holds: a PID left in a stale
	 * file may belong to an unrelated process by now.
	 * <p>
	 * On Unix only the signals that a JVM daemon takes in an orderly way are sent:
	 * {@code TERM}, {@code INT}, {@code HUP}, {@code USR1} and {@code ABRT}, which
	 * {@link SignalHandler1} handles, {@code QUIT}, on which the JVM prints a thread dump
	 * on the daemon's standard output, and {@code CONT}. Any other signal is refused,
	 * with the reason, before the PID file is read: {@code USR2} crashes the JVM (it
	 * suspends and resumes the JVM's threads), {@code KILL} skips the shutdown hooks and
	 * leaves the PID file stale, {@code STOP} and {@code TSTP} freeze it, the fault
	 * signals crash it, and the JVM has no handler for the others.
	 * @param pidFile the PID file
	 * @param signum the signal number on this operating system
	 * @return a one-line account of the delivery, for an operator, such as where a thread
	 * dump goes
	 * @throws IllegalArgumentException if the number is not a signal, or not one a JVM
	 * daemon takes
	 * @throws PidFileException if the PID file is missing, stale or cannot be trusted
	 * @throws SignalError if the signal cannot be sent
	 */
	public static String send(Path pidFile, int signum) {
		Objects.requireNonNull(pidFile, "pidFile");
		SendableSignals.refusal(signum).ifPresent((reason) -> {
			throw new IllegalArgumentException(reason);
		});
		long pid = deliver(pidFile, runningPid(pidFile), signum);
		String sent = "sent SIG" + SignalNumbers.name(signum) + " to pid " + pid;
		return SendableSignals.note(signum, Platform.current().standardOutputOf(pid))
			.map((note) -> sent + "; " + note)
			.orElse(sent);
	}

	/**
	 * Ends the daemon of a PID file at once with {@code SIGKILL}: the last resort once a
	 * {@link #stop} has timed out. The daemon's shutdown hooks do not run, so its PID
	 * file is left behind, stale, for the next start to reclaim. As with {@link #send},
	 * only the process that holds the PID file's lock receives it, checked once the
	 * process is pinned. Returns at once; the process may take a moment to vanish.
	 * @param pidFile the PID file
	 * @return the PID that received it
	 * @throws PidFileException if the PID file is missing, stale or cannot be trusted
	 * @throws SignalError if the signal cannot be sent
	 */
	public static long kill(Path pidFile) {
		Objects.requireNonNull(pidFile, "pidFile");
		return deliver(pidFile, runningPid(pidFile), SignalNumbers.require("KILL"));
	}

	/**
	 * Sends a signal to the process that holds a PID file's lock, checked once the
	 * process is pinned.
	 * @return the PID that received it (on Windows, the sentinel of the moment)
	 */
	private static long deliver(Path pidFile, long holder, int signum) {
		long pid = holder;
		long deadline = System.nanoTime() + SENTINEL_PATIENCE.toNanos();
		boolean sentinels = Platform.current().pidFileNamesSentinel();
		while (true) {
			long target = pid;
			try {
				// Checked again once the process is pinned: the daemon may have exited
				// and its PID been reused since the first check.
				boolean sent = Platform.current().killIf(target, signum, new StillHolds(pidFile, target));
				if (sent) {
					return target;
				}
				if (!sentinels || System.nanoTime() - deadline > 0) {
					throw new PidFileException(KernelPaths.resolve(pidFile), "not signalling: pid " + target
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
	 * Stops the daemon of a PID file: sends {@code SIGTERM} and waits until the daemon's
	 * process has ended, not only until it let go of its PID file. On Linux the process
	 * is pinned by a process descriptor before it is signalled; elsewhere by its PID and
	 * start time, so that a later process given the same PID is not taken for it. A
	 * daemon keeps its PID file locked until its process ends and removes the file as its
	 * last act, after every shutdown hook, so no new daemon can start on the same PID
	 * file while this one still runs its hooks. On Windows, where the PID file names the
	 * daemon's signal sentinel, the release of the lock tells that the daemon is gone.
	 * @param pidFile the PID file
	 * @param timeout how long to wait
	 * @return {@code true} if the daemon's process ended in time, {@code false} if it
	 * still runs
	 * @throws NullPointerException if an argument is {@code null}, before anything is
	 * sent
	 * @throws IllegalArgumentException if the timeout is negative, before anything is
	 * sent
	 * @throws PidFileException if the PID file is missing, stale or cannot be trusted
	 * @throws SignalError if the signal cannot be sent
	 */
	public static boolean stop(Path pidFile, Duration timeout) {
		Objects.requireNonNull(pidFile, "pidFile");
		Objects.requireNonNull(timeout, "timeout");
		if (timeout.isNegative()) {
			throw new IllegalArgumentException("timeout " + timeout + " is negative");
		}
		if (Platform.current().pidFileNamesSentinel()) {
			return stopByLock(pidFile, timeout);
		}
		long pid = runningPid(pidFile);
		try (ProcessExit process = ProcessExit.pin(pid)) {
			// deliver() checks again, with the process pinned, that this PID holds the
			// lock, so the process awaited is the one that was signalled.
			deliver(pidFile, pid, SIGTERM.SIGNUM);
			return process.awaitGone(timeout);
		}
	}

	private static boolean stopByLock(Path pidFile, Duration timeout) {
		deliver(pidFile, runningPid(pidFile), SIGTERM.SIGNUM);
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			DaemonStatus status = status(pidFile);
			if (status.state() == DaemonStatus.State.NOT_RUNNING || status.state() == DaemonStatus.State.STALE) {
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
		while (Platform.current().pidFileNamesSentinel() && status.state() == DaemonStatus.State.UNTRUSTED
				&& status.pid().isPresent() && Processes.isGone(status.pid().getAsLong())
				&& System.nanoTime() - deadline < 0) {
			// The daemon holds its PID file but the sentinel it names has just ended: the
			// next one is being published.
			pause(10);
			status = status(pidFile);
		}
		if (!status.isRunning()) {
			throw new PidFileException(status.pidFile(), "not signalling: " + status.description());
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

	/**
	 * Whether a process still holds a PID file's lock, asked once the process is pinned.
	 * A class rather than a lambda: in a JVM that runs nothing else, such as the
	 * {@code daemoniker} command's {@code stop}, the first lambda would start the JVM's
	 * lambda machinery.
	 */
	private static final class StillHolds implements BooleanSupplier {

		private final Path pidFile;

		private final long pid;

		StillHolds(Path pidFile, long pid) {
			this.pidFile = pidFile;
			this.pid = pid;
		}

		@Override
		public boolean getAsBoolean() {
			DaemonStatus status = status(this.pidFile);
			return status.isRunning() && status.pid().orElse(-1) == this.pid;
		}

	}

}
