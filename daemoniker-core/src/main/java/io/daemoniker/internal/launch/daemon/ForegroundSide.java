/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.launch.daemon;

import java.nio.file.Path;

import io.daemoniker.DaemonikerException;
import io.daemoniker.internal.launch.ProcessSettings;
import io.daemoniker.internal.pidfile.PidFileLock;
import io.daemoniker.internal.platform.CurrentProcess;
import io.daemoniker.systemd.SystemdReadiness;
import org.jspecify.annotations.Nullable;

/**
 * Daemonization's counterpart for a process that stays in the foreground under a
 * supervisor: no relaunch and no redirection (the supervisor owns the standard streams),
 * but the PID file is taken and locked, the process settings apply, and readiness goes to
 * systemd when it asks for it.
 * <p>
 * Public for the facade: {@code Daemoniker.start} runs in the foreground through it, and
 * the {@code DaemonHandle} wraps it.
 */
public final class ForegroundSide implements StartReport {

	private static @Nullable ForegroundSide current;

	private final PidFileLock pidFile;

	private final SystemdReadiness systemd;

	private ForegroundSide(PidFileLock pidFile, SystemdReadiness systemd) {
		this.pidFile = pidFile;
		this.systemd = systemd;
	}

	/**
	 * Returns the foreground state once {@link #become} has run.
	 * @return the foreground side, or {@code null} before
	 */
	public static synchronized @Nullable ForegroundSide current() {
		return current;
	}

	/**
	 * Takes the PID file, applies the settings and, unless readiness is manual, tells
	 * systemd that start-up is over.
	 * @param pidFile the PID file, relative to the working directory or absolute
	 * @param settings the process settings
	 * @param manualReadiness whether the application confirms start-up itself later
	 * @return the foreground side
	 * @throws IllegalStateException if this process already runs in the foreground
	 * @throws DaemonikerException if the PID file cannot be taken or a setting applied
	 */
	public static synchronized ForegroundSide become(Path pidFile, ProcessSettings settings, boolean manualReadiness) {
		if (current != null) {
			throw new IllegalStateException("daemonize() was already called in this process");
		}
		settings.check();
		PidFileLock lock = PidFileLock.acquire(pidFile, CurrentProcess.pid());
		try {
			settings.apply(lock.path());
		}
		catch (DaemonikerException ex) {
			lock.close();
			throw ex;
		}
		current = new ForegroundSide(lock, SystemdReadiness.fromEnvironment());
		current.systemd.stopsWithShutdown();
		if (!manualReadiness) {
			current.ready();
		}
		return current;
	}

	/**
	 * Returns the PID file this process holds.
	 * @return the PID file
	 */
	public PidFileLock pidFile() {
		return this.pidFile;
	}

	/**
	 * Tells systemd that start-up is over, once; nothing when systemd does not ask.
	 */
	@Override
	public void ready() {
		this.systemd.ready(0);
	}

	/**
	 * Tells systemd why start-up failed, as its status line.
	 * @param message why start-up failed
	 */
	@Override
	public void failed(String message) {
		this.systemd.failed(message);
	}

}
