/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.boot.autoconfigure;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Which signals shut the application down, and how: the context is closed gracefully on a
 * thread of its own, then the JVM ends with the status of the cause, which removes the
 * PID file once the application is down. Only the first request has an effect.
 */
final class ShutdownPolicy {

	private static final Log logger = LogFactory.getLog(ShutdownPolicy.class);

	// A stop requested over HTTP answers before the web server begins to drain, so that
	// the caller hears that the stop was accepted.
	private static final Duration ANSWER_GRACE = Duration.ofMillis(500);

	private final Set<Integer> shutdownSignals;

	private final ConfigurableApplicationContext context;

	private final AtomicBoolean stopping = new AtomicBoolean();

	ShutdownPolicy(Set<Integer> shutdownSignals, ConfigurableApplicationContext context) {
		this.shutdownSignals = Set.copyOf(shutdownSignals);
		this.context = context;
	}

	/**
	 * Returns the signals that shut the application down.
	 * @return signal numbers
	 */
	Set<Integer> signals() {
		return this.shutdownSignals;
	}

	/**
	 * Shuts down if the signal is one of the shutdown signals, with the exit status a
	 * shell reports for a process ended by that signal (128 + its number).
	 * @param signum the signal that arrived
	 */
	void onSignal(int signum) {
		if (this.shutdownSignals.contains(signum)) {
			closeAndExit(128 + signum, "SIG" + Signals.name(signum), Duration.ZERO);
		}
	}

	/**
	 * Shuts down on request, with exit status 0, half a second from now, so that an
	 * answer to the request can leave first.
	 */
	void requestStop() {
		closeAndExit(0, "request", ANSWER_GRACE);
	}

	/**
	 * Closes the context on a thread of its own, not the dispatch thread that closing the
	 * context stops, and then ends the JVM.
	 */
	private void closeAndExit(int status, String cause, Duration delay) {
		if (!this.stopping.compareAndSet(false, true)) {
			return;
		}
		logger.info("Stopping on " + cause + ": closing the application context");
		Thread thread = new Thread(() -> {
			try {
				pause(delay);
				this.context.close();
			}
			catch (RuntimeException ex) {
				logger.error("Closing the application context failed", ex);
			}
			finally {
				System.exit(status);
			}
		}, "daemoniker-shutdown");
		// Not a daemon thread, as it would be by inheritance from the dispatch thread:
		// the JVM must not end on its own, with status 0, once the context has closed.
		thread.setDaemon(false);
		thread.setContextClassLoader(getClass().getClassLoader());
		thread.start();
	}

	private static void pause(Duration delay) {
		try {
			Thread.sleep(delay.toMillis());
		}
		catch (InterruptedException ex) {
			// Stop at once: whoever interrupts the shutdown thread wants it sooner.
			Thread.currentThread().interrupt();
		}
	}

}
