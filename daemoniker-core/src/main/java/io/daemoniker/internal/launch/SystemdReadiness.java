/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.launch;

import io.daemoniker.DaemonikerException;
import io.daemoniker.SystemdNotifier;

/**
 * Tells systemd, when it asks through {@code NOTIFY_SOCKET}, what the launcher handshake
 * tells the launcher: that start-up is over ({@code READY=1}), and later that the process
 * stops ({@code STOPPING=1}). A failure to notify is reported on standard error and does
 * not stop the application: systemd's own timeout tells the rest.
 */
final class SystemdReadiness {

	private final SystemdNotifier notifier;

	private boolean readySent;

	private SystemdReadiness(SystemdNotifier notifier) {
		this.notifier = notifier;
	}

	static SystemdReadiness fromEnvironment() {
		try {
			return new SystemdReadiness(SystemdNotifier.fromEnvironment());
		}
		catch (IllegalArgumentException ex) {
			System.err.println("daemoniker: not notifying systemd: " + ex.getMessage());
			return new SystemdReadiness(SystemdNotifier.from(java.util.Map.of()));
		}
	}

	/**
	 * Sends {@code READY=1} once, with {@code MAINPID=} when the main process is not the
	 * one that systemd started.
	 * @param mainPid the service's main process, or 0 when it is this one
	 */
	synchronized void ready(long mainPid) {
		if (this.readySent || !this.notifier.isEnabled()) {
			return;
		}
		this.readySent = true;
		try {
			if (mainPid > 0) {
				this.notifier.ready(mainPid);
			}
			else {
				this.notifier.ready();
			}
		}
		catch (DaemonikerException ex) {
			System.err.println("daemoniker: " + ex.getMessage());
		}
	}

	/**
	 * Sends {@code STATUS=} with a start-up failure.
	 * @param message why start-up failed
	 */
	void failed(String message) {
		if (this.notifier.isEnabled()) {
			try {
				this.notifier.status("start-up failed: " + message);
			}
			catch (DaemonikerException ex) {
				System.err.println("daemoniker: " + ex.getMessage());
			}
		}
	}

	/**
	 * Sends {@code STOPPING=1} when the JVM begins to shut down.
	 */
	void stopsWithShutdown() {
		if (!this.notifier.isEnabled()) {
			return;
		}
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			try {
				this.notifier.stopping();
			}
			catch (DaemonikerException ex) {
				// systemd may be gone already when the whole machine shuts down.
			}
		}, "daemoniker-systemd-stopping"));
	}

}
