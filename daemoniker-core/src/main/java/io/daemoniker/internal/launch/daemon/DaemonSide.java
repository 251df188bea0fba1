/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.launch.daemon;

import java.io.IOException;
import java.io.InputStream;

import io.daemoniker.DaemonikerException;
import io.daemoniker.SignalHandler1;
import io.daemoniker.StartupException;
import io.daemoniker.internal.launch.ArgsCodec;
import io.daemoniker.internal.launch.DaemonProperties;
import io.daemoniker.internal.launch.Handshake;
import io.daemoniker.internal.launch.LaunchRequest;
import io.daemoniker.internal.pidfile.PidFileLock;
import io.daemoniker.internal.platform.CurrentProcess;
import io.daemoniker.internal.platform.Platform.StatusChannel;
import io.daemoniker.internal.platform.Platform;
import io.daemoniker.systemd.SystemdReadiness;
import org.jspecify.annotations.Nullable;

/**
 * The daemon's side of daemonization: it reads the launch request, takes the PID file,
 * redirects its standard streams and confirms start-up to the launcher.
 * <p>
 * Public for the facade: {@code Daemoniker.start} becomes the daemon through it, and the
 * {@code DaemonHandle} wraps it.
 */
public final class DaemonSide implements StartReport {

	private static final @Nullable String TOKEN = System.getProperty(DaemonProperties.MARKER_PROPERTY);

	private static @Nullable DaemonSide current;

	private final LaunchRequest request;

	private final PidFileLock pidFile;

	private @Nullable StatusChannel launcher;

	private final SystemdReadiness systemd = SystemdReadiness.fromEnvironment();

	private DaemonSide(LaunchRequest request, PidFileLock pidFile, StatusChannel launcher) {
		this.request = request;
		this.pidFile = pidFile;
		this.launcher = launcher;
	}

	/**
	 * Returns whether this JVM was started as a daemon by a launcher.
	 * @return {@code true} in the daemon
	 */
	public static boolean isDaemon() {
		return TOKEN != null;
	}

	/**
	 * Returns the daemon's state once {@link #become()} has run.
	 * @return the daemon side, or {@code null} before
	 */
	public static synchronized @Nullable DaemonSide current() {
		return current;
	}

	/**
	 * Completes daemonization in the daemon: reads the launch request from standard
	 * input, restores signals that the launcher's environment ignored, takes the PID
	 * file, redirects the standard streams and, unless readiness is manual, confirms
	 * start-up. Every failure is reported to the launcher before it is thrown.
	 * @return the daemon side
	 * @throws IllegalStateException if this JVM is not a daemon or already became one
	 * @throws DaemonikerException if a step fails
	 */
	public static synchronized DaemonSide become() {
		if (!isDaemon()) {
			throw new IllegalStateException("this JVM was not started as a daemon");
		}
		if (current != null) {
			throw new IllegalStateException("daemonize() was already called in this daemon");
		}
		// The marker must not reach programs that this daemon starts in turn.
		System.clearProperty(DaemonProperties.MARKER_PROPERTY);
		Platform platform = Platform.current();
		PreparedStart start = PreparedStart.fromEnvironment(TOKEN);
		if (start != null && start.prepared()) {
			// The shell holds the PID file's lock for this process since before the JVM
			// started, so the check for other locks may list them now, while the request
			// is read.
			platform.listLocksAhead();
		}
		LaunchRequest request;
		try {
			InputStream in = (start != null) ? start.readRequest() : readRequest(platform.launchRequest());
			request = LaunchRequest.decode(in);
		}
		catch (IOException ex) {
			throw reportAndWrap(new StartupException("cannot read the launch request: " + ex.getMessage(), ex), start);
		}
		boolean prepared = start != null && start.prepared();
		PidFileLock pidFile;
		try {
			platform.restoreIgnoredSignals(SignalHandler1.supportedSignals());
			long pid = CurrentProcess.pid();
			pidFile = prepared ? PidFileLock.adoptInherited(request.pidFile(), pid, request.streams(), start.created())
					: PidFileLock.acquire(request.pidFile(), pid, request.streams());
		}
		catch (DaemonikerException ex) {
			throw reportAndWrap(ex, request, start);
		}
		try {
			// Before the standard streams are opened, so that the log files are opened
			// (and created) as the user the daemon runs as, as they are when reopened.
			// A start that the shell prepared switches no user: the launcher offers such
			// a start only to a daemon that keeps its user.
			request.settings().apply(pidFile.path());
		}
		catch (DaemonikerException ex) {
			pidFile.close();
			throw reportAndWrap(ex, request, start);
		}
		StatusChannel launcher;
		try {
			launcher = prepared ? start.statusChannel()
					: platform.redirectStdio(request.stdin(), request.stdout(), request.stderr());
		}
		catch (IOException ex) {
			pidFile.close();
			String hint = request.settings().switchesUser()
					? "; the daemon opens its log files after switching users, so they must be writable for it" : "";
			throw reportAndWrap(new StartupException(ex.getMessage() + hint, ex), request, start);
		}
		current = new DaemonSide(request, pidFile, launcher);
		if (request.settings().reopenSignal() != 0) {
			StreamReopening.install(request.settings().reopenSignal(), request.stdout(), request.stderr());
		}
		current.systemd.stopsWithShutdown();
		if (!request.manualReadiness()) {
			current.ready();
		}
		return current;
	}

	/**
	 * Reopens the files that the launch request sent standard output and error to, after
	 * they were renamed by log rotation.
	 * @throws IOException if a file cannot be reopened
	 */
	public void reopenStandardStreams() throws IOException {
		StreamReopening.reopen(this.request.stdout(), this.request.stderr());
	}

	private static InputStream readRequest(InputStream in) throws IOException {
		byte[] request = in.readNBytes(ArgsCodec.MAX_LENGTH + 1);
		if (request.length > ArgsCodec.MAX_LENGTH) {
			throw new IOException("the launch request is larger than " + ArgsCodec.MAX_LENGTH + " bytes");
		}
		return new java.io.ByteArrayInputStream(request);
	}

	/**
	 * Tells the launcher (on standard output, which is still its pipe on Unix, or through
	 * the start's FIFO) and returns the exception to throw.
	 */
	private static DaemonikerException reportAndWrap(DaemonikerException ex, @Nullable PreparedStart start) {
		String line = Handshake.failed(TOKEN, ex.getMessage());
		if (start != null && start.prepared()) {
			start.tellLauncher(line);
		}
		else {
			Platform.current().tellLauncher(line);
		}
		return ex;
	}

	/**
	 * Tells the launcher in one line, and keeps the stack trace in the daemon's error log
	 * where one can be written, saying where.
	 */
	private static DaemonikerException reportAndWrap(DaemonikerException ex, LaunchRequest request,
			@Nullable PreparedStart start) {
		String message = ex.getMessage();
		if (FailureTrace.append(request.stderr(), request.pidFile(), ex)) {
			message += " (stack trace in " + request.stderr() + ")";
		}
		String line = Handshake.failed(TOKEN, message);
		if (start != null && start.prepared()) {
			start.tellLauncher(line);
		}
		else {
			System.out.println(line);
			System.out.flush();
		}
		return ex;
	}

	/**
	 * Returns the launch request.
	 * @return the request
	 */
	public LaunchRequest request() {
		return this.request;
	}

	/**
	 * Returns the PID file this daemon holds.
	 * @return the PID file
	 */
	public PidFileLock pidFile() {
		return this.pidFile;
	}

	/**
	 * Confirms start-up to the launcher, which then exits with status 0. Does nothing
	 * once the launcher was told how start-up ended.
	 */
	@Override
	public synchronized void ready() {
		if (this.launcher != null) {
			// Before the launcher hears it and exits: under a Type=notify unit the
			// launcher is the main process, and systemd must learn of the daemon first.
			this.systemd.ready(CurrentProcess.pid());
		}
		finish(Handshake.ready(TOKEN, CurrentProcess.pid()));
	}

	/**
	 * Tells the launcher that start-up failed, which makes it print the message and exit
	 * with a non-zero status. Does nothing once the launcher was told how start-up ended.
	 * @param message why start-up failed
	 */
	@Override
	public synchronized void failed(String message) {
		this.systemd.failed(message);
		finish(Handshake.failed(TOKEN, message));
	}

	private void finish(String line) {
		if (this.launcher == null) {
			return;
		}
		try {
			this.launcher.writeLine(line);
		}
		catch (IOException ex) {
			// The launcher is gone (killed, say): there is nobody left to tell.
		}
		finally {
			this.launcher.close();
			this.launcher = null;
		}
	}

}
