/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.systemd;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.daemoniker.DaemonikerException;
import io.daemoniker.internal.logging.DeferredLogger;
import org.jspecify.annotations.Nullable;

/**
 * The owner of the notifications that belong to a service's state in systemd's eyes:
 * {@code EXTEND_TIMEOUT_USEC=} while it starts, {@code READY=1} once start-up is over
 * (with {@code MAINPID=} when the main process is not the one systemd started), and
 * {@code STOPPING=1} once it begins to stop, whichever comes first of
 * {@link #stopping(String)} and the JVM's shutdown. {@code READY=1} and
 * {@code STOPPING=1} are each sent at most once. There is one per notification socket in
 * a process, so the core's daemonization, a framework and the application all reach the
 * same one through {@link #of(SystemdNotifier)} or {@link #fromEnvironment()}, and a
 * second {@code STOPPING=1} is never sent, whoever asks.
 * <p>
 * A failure to notify is logged (through {@link System.Logger}, as a warning) and does
 * not stop the application: systemd's own timeouts tell the rest. Thread-safe.
 */
public final class SystemdReadiness {

	private static final Map<String, SystemdReadiness> BY_SOCKET = new ConcurrentHashMap<>();

	// Through System.Logger, so that an application's logging (Spring Boot's) has it.
	private static final DeferredLogger LOGGER = DeferredLogger.of(SystemdReadiness.class);

	private final SystemdNotifier notifier;

	private boolean readySent;

	private boolean stoppingSent;

	private boolean startFailed;

	private boolean hookAdded;

	private SystemdReadiness(SystemdNotifier notifier) {
		this.notifier = notifier;
	}

	/**
	 * Returns the readiness of this process for the socket in its {@code NOTIFY_SOCKET}.
	 * An address that {@link SystemdNotifier} does not support is logged as a warning,
	 * and then nothing is sent.
	 * @return the readiness, shared with every other caller in this process
	 */
	public static SystemdReadiness fromEnvironment() {
		try {
			return of(SystemdNotifier.fromEnvironment());
		}
		catch (IllegalArgumentException ex) {
			LOGGER.warning("not notifying systemd: " + ex.getMessage());
			return of(SystemdNotifier.from(Map.of()));
		}
	}

	/**
	 * Returns the readiness of this process for a notifier's socket.
	 * @param notifier where the notifications go
	 * @return the readiness that every caller with a notifier for the same socket shares,
	 * or one of its own that sends nothing for a disabled notifier
	 */
	public static SystemdReadiness of(SystemdNotifier notifier) {
		// Plain code rather than lambdas: a daemon sets this up on its way to "ready",
		// where the first use of each lambda or method reference costs its short-lived
		// start a generated class.
		Optional<String> socket = notifier.socket();
		if (socket.isEmpty()) {
			return new SystemdReadiness(notifier);
		}
		synchronized (BY_SOCKET) {
			SystemdReadiness shared = BY_SOCKET.get(socket.get());
			if (shared == null) {
				shared = new SystemdReadiness(notifier);
				BY_SOCKET.put(socket.get(), shared);
			}
			return shared;
		}
	}

	/**
	 * Sends {@code READY=1}, once.
	 */
	public void ready() {
		ready(0);
	}

	/**
	 * Sends {@code READY=1} once, with {@code MAINPID=} when the main process is not the
	 * one that systemd started, as a launcher says for the daemon it started.
	 * @param mainPid the service's main process, or 0 when it is this one
	 */
	public synchronized void ready(long mainPid) {
		if (this.readySent || this.stoppingSent || !this.notifier.isEnabled()) {
			return;
		}
		this.readySent = true;
		send((mainPid > 0) ? new String[] { "READY=1", "MAINPID=" + mainPid } : new String[] { "READY=1" });
	}

	/**
	 * Asks systemd for more time to start ({@code EXTEND_TIMEOUT_USEC=}): the start may
	 * now take until the later of {@code TimeoutStartSec=} and this extension from now.
	 * Sent only while the service starts, before {@code READY=1}, {@code STOPPING=1} and
	 * a {@linkplain #failed failure}, since systemd would apply it to the timeout of the
	 * state the service is in, and a failed start needs no more time.
	 * @param extension how long from now, at least one microsecond
	 * @return whether it was sent
	 * @throws IllegalArgumentException if the extension is shorter than a microsecond
	 */
	public synchronized boolean extendStartTimeout(Duration extension) {
		long micros = extension.toNanos() / 1000;
		if (micros <= 0) {
			throw new IllegalArgumentException(
					"a start timeout extension of " + extension + " is too short; use one of a microsecond or more");
		}
		if (this.readySent || this.stoppingSent || this.startFailed || !this.notifier.isEnabled()) {
			return false;
		}
		return send("EXTEND_TIMEOUT_USEC=" + micros);
	}

	/**
	 * Sends {@code STATUS=} with a start-up failure, so that {@code systemctl status}
	 * shows why.
	 * @param message why start-up failed
	 */
	public synchronized void failed(String message) {
		this.startFailed = true;
		if (this.notifier.isEnabled()) {
			send("STATUS=start-up failed: " + message.replace('\n', ' ').replace('\r', ' '));
		}
	}

	/**
	 * Sends {@code STOPPING=1} unless it was sent already, as a framework does when it
	 * begins to stop before the JVM does (Spring's context closing, before its web server
	 * drains its requests).
	 * @param status a status line to send with it, or {@code null} to keep the last one
	 * (a start-up failure's)
	 */
	public synchronized void stopping(@Nullable String status) {
		if (this.stoppingSent || !this.notifier.isEnabled()) {
			return;
		}
		this.stoppingSent = true;
		if (status != null) {
			send("STOPPING=1", "STATUS=" + status.replace('\n', ' ').replace('\r', ' '));
		}
		else {
			send("STOPPING=1");
		}
	}

	/**
	 * Returns whether {@code STOPPING=1} has been sent.
	 * @return {@code true} once the service began to stop, as systemd was told
	 */
	public synchronized boolean isStopping() {
		return this.stoppingSent;
	}

	/**
	 * Makes the JVM's shutdown send {@code STOPPING=1}, unless it was sent before. Adds
	 * one shutdown hook, however often it is called.
	 */
	public synchronized void stopsWithShutdown() {
		if (!this.notifier.isEnabled() || this.hookAdded) {
			return;
		}
		this.hookAdded = true;
		Runtime.getRuntime().addShutdownHook(new Thread(new StoppingAtExit(), "daemoniker-systemd-stopping"));
	}

	private boolean send(String... assignments) {
		try {
			this.notifier.notify(assignments);
			return true;
		}
		catch (DaemonikerException ex) {
			// systemd may be gone already when the whole machine shuts down; its own
			// timeouts decide then.
			LOGGER.warning(ex.getMessage());
			return false;
		}
	}

	/**
	 * The shutdown hook that sends {@code STOPPING=1}.
	 */
	private final class StoppingAtExit implements Runnable {

		@Override
		public void run() {
			stopping(null);
		}

	}

}
