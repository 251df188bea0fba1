/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.systemd;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;

import io.daemoniker.DaemonikerException;
import io.daemoniker.internal.logging.DeferredLogger;
import io.daemoniker.internal.platform.CurrentProcess;
import org.jspecify.annotations.Nullable;

/**
 * Keeps systemd's watchdog ({@code WatchdogSec=}) fed while the application is healthy:
 * sends {@code WATCHDOG=1} every half of {@code WATCHDOG_USEC}, as
 * {@code sd_watchdog_enabled(3)} advises, each time the health check says the application
 * is healthy. When it is not, nothing is sent, and systemd restarts the service once the
 * interval has passed without a keep-alive.
 * <p>
 * The watchdog is enabled when {@code WATCHDOG_USEC} is set and, if {@code WATCHDOG_PID}
 * is set too, it names this process; it also needs an enabled {@link SystemdNotifier}.
 * Otherwise {@link #start} returns a watchdog that does nothing. The keep-alives are sent
 * from a daemon thread of its own, so a stuck application thread does not stop them: the
 * health check is what should notice a stuck application.
 *
 * <pre class="code">
 * SystemdWatchdog watchdog = SystemdWatchdog.start(SystemdNotifier.fromEnvironment(), () -&gt; database.isUp());
 * </pre>
 */
public final class SystemdWatchdog implements AutoCloseable {

	/** The environment variable that holds the watchdog interval, in microseconds. */
	public static final String WATCHDOG_USEC = "WATCHDOG_USEC";

	/** The environment variable that names the process the watchdog is meant for. */
	public static final String WATCHDOG_PID = "WATCHDOG_PID";

	// Through System.Logger, so that an application's logging (Spring Boot's) has it.
	private static final DeferredLogger LOGGER = DeferredLogger.of(SystemdWatchdog.class);

	private final SystemdNotifier notifier;

	private final BooleanSupplier healthCheck;

	private final @Nullable Duration period;

	private final @Nullable Thread thread;

	private volatile boolean closed;

	private SystemdWatchdog(SystemdNotifier notifier, BooleanSupplier healthCheck, @Nullable Duration period) {
		this.notifier = notifier;
		this.healthCheck = healthCheck;
		this.period = period;
		this.thread = (period != null) ? new Thread(this::run, "daemoniker-systemd-watchdog") : null;
	}

	/**
	 * Starts feeding the watchdog that this process's environment asks for.
	 * @param notifier where keep-alives go
	 * @param healthCheck says whether the application is healthy; called from the
	 * watchdog's thread, once per period; a check that throws counts as unhealthy
	 * @return the running watchdog, or one that does nothing when not enabled
	 * @throws IllegalArgumentException if {@code WATCHDOG_USEC} or {@code WATCHDOG_PID}
	 * is not a positive number
	 */
	public static SystemdWatchdog start(SystemdNotifier notifier, BooleanSupplier healthCheck) {
		return start(notifier, healthCheck, System.getenv(), CurrentProcess.pid());
	}

	/**
	 * Starts feeding the watchdog that an environment asks for: {@link #start} for an
	 * environment given as a map.
	 * @param notifier where keep-alives go
	 * @param healthCheck says whether the application is healthy
	 * @param environment the environment variables
	 * @param pid this process's PID, compared with {@code WATCHDOG_PID}
	 * @return the running watchdog, or one that does nothing when not enabled
	 * @throws IllegalArgumentException if {@code WATCHDOG_USEC} or {@code WATCHDOG_PID}
	 * is not a positive number
	 */
	public static SystemdWatchdog start(SystemdNotifier notifier, BooleanSupplier healthCheck,
			Map<String, String> environment, long pid) {
		Objects.requireNonNull(notifier, "notifier");
		Objects.requireNonNull(healthCheck, "healthCheck");
		Duration interval = interval(environment, pid).orElse(null);
		if (interval == null || !notifier.isEnabled()) {
			return new SystemdWatchdog(notifier, healthCheck, null);
		}
		SystemdWatchdog watchdog = new SystemdWatchdog(notifier, healthCheck, interval.dividedBy(2));
		watchdog.thread.setDaemon(true);
		watchdog.thread.start();
		return watchdog;
	}

	/**
	 * Starts feeding the watchdog for a process that has told systemd, with
	 * {@code MAINPID=}, that it is the service's main process in place of the one systemd
	 * started ({@link Supervision#isStartedThroughAnotherProcess()}):
	 * {@code WATCHDOG_PID} names that one then, and systemd now expects the keep-alives
	 * from this one (and accepts them with {@code NotifyAccess=all}). Otherwise as
	 * {@link #start}.
	 * @param notifier where keep-alives go
	 * @param healthCheck says whether the application is healthy
	 * @param environment the environment variables
	 * @param pid this process's PID
	 * @return the running watchdog, or one that does nothing when not enabled
	 * @throws IllegalArgumentException if {@code WATCHDOG_USEC} or {@code WATCHDOG_PID}
	 * is not a positive number
	 */
	public static SystemdWatchdog startAsMainProcess(SystemdNotifier notifier, BooleanSupplier healthCheck,
			Map<String, String> environment, long pid) {
		return start(notifier, healthCheck, asMainProcess(environment, pid), pid);
	}

	/**
	 * Returns an environment in which the watchdog meant for the process systemd started
	 * is this process's, when this one has taken its place.
	 */
	static Map<String, String> asMainProcess(Map<String, String> environment, long pid) {
		String watchdogPid = environment.get(WATCHDOG_PID);
		OptionalLong execPid = Supervision.execPid(environment);
		if (watchdogPid == null || execPid.isEmpty() || execPid.getAsLong() == pid
				|| !watchdogPid.strip().equals(Long.toString(execPid.getAsLong()))) {
			return environment;
		}
		Map<String, String> handedOver = new HashMap<>(environment);
		handedOver.remove(WATCHDOG_PID);
		return handedOver;
	}

	/**
	 * Returns the watchdog interval that an environment sets for a process.
	 * @param environment the environment variables
	 * @param pid the process, compared with {@code WATCHDOG_PID}
	 * @return the interval, or empty when the watchdog is not enabled for that process
	 * @throws IllegalArgumentException if {@code WATCHDOG_USEC} or {@code WATCHDOG_PID}
	 * is not a positive number
	 */
	public static Optional<Duration> interval(Map<String, String> environment, long pid) {
		String usec = environment.get(WATCHDOG_USEC);
		if (usec == null || usec.isEmpty()) {
			return Optional.empty();
		}
		String watchdogPid = environment.get(WATCHDOG_PID);
		if (watchdogPid != null && !watchdogPid.isEmpty() && positive(WATCHDOG_PID, watchdogPid) != pid) {
			return Optional.empty();
		}
		return Optional.of(Duration.ofNanos(Math.multiplyExact(positive(WATCHDOG_USEC, usec), 1000L)));
	}

	private static long positive(String name, String value) {
		try {
			long number = Long.parseLong(value.trim());
			if (number > 0) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// Reported below.
		}
		throw new IllegalArgumentException(name + "=" + value + " is not a positive number");
	}

	/**
	 * Returns whether keep-alives are being sent.
	 * @return {@code true} until {@link #close()}, for an enabled watchdog
	 */
	public boolean isActive() {
		return this.thread != null && !this.closed;
	}

	/**
	 * Returns how often keep-alives are sent.
	 * @return half the watchdog interval, or empty when not enabled
	 */
	public Optional<Duration> period() {
		return Optional.ofNullable(this.period);
	}

	/**
	 * Stops sending keep-alives. Idempotent. With {@code WatchdogSec=} still in force,
	 * systemd restarts the service unless it stops soon.
	 */
	@Override
	public void close() {
		this.closed = true;
		if (this.thread != null) {
			this.thread.interrupt();
		}
	}

	private void run() {
		while (!this.closed) {
			if (isHealthy()) {
				try {
					this.notifier.watchdog();
				}
				catch (DaemonikerException ex) {
					LOGGER.warning(ex.getMessage());
				}
			}
			try {
				Thread.sleep(Math.max(1, this.period.toMillis()));
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

	private boolean isHealthy() {
		try {
			return this.healthCheck.getAsBoolean();
		}
		catch (RuntimeException ex) {
			LOGGER.warning("the watchdog's health check failed, so no keep-alive is sent: " + ex);
			return false;
		}
	}

}
