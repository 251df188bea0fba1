/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.boot.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.daemoniker.DaemonikerException;
import io.daemoniker.boot.WatchdogHealthCheck;
import io.daemoniker.systemd.Supervision;
import io.daemoniker.systemd.SystemdNotifier;
import io.daemoniker.systemd.SystemdReadiness;
import io.daemoniker.systemd.SystemdWatchdog;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.Environment;

/**
 * Tells systemd how the application is doing, beyond the {@code READY=1} that the core
 * sends when the starter reports readiness: a {@code STATUS=} line while the context
 * starts (with {@code MAINPID=} when this JVM is not the process systemd started), one
 * when it is ready (with the web server's port), {@code STOPPING=1} as soon as the
 * context begins to close (through the core's {@link SystemdReadiness}, which sends it
 * once for the whole process), and {@code WATCHDOG=1} keep-alives from readiness until
 * then while the {@link WatchdogHealthCheck} says the application is healthy. Systemd
 * arms its watchdog only between readiness and {@code STOPPING=1}, which is when
 * keep-alives are sent. Does nothing, and loads no native code, when systemd does not ask
 * for notifications.
 */
final class SystemdNotifications implements GenericApplicationListener, ReloadObserver {

	private static final Log logger = LogFactory.getLog(SystemdNotifications.class);

	private final SystemdNotifier notifier;

	private final ApplicationContext context;

	private final Environment environment;

	private final @Nullable WatchdogHealthCheck healthCheck;

	private final long pid;

	private boolean ready;

	private boolean mainPidSent;

	private boolean closed;

	private @Nullable SystemdWatchdog watchdog;

	private @Nullable AutoCloseable startTimeout;

	/**
	 * Creates the notifications and, when systemd asks for them, says that the
	 * application is starting.
	 * @param notifier where notifications go
	 * @param context the application context whose life is reported
	 * @param environment where systemd's variables are read ({@code WATCHDOG_USEC},
	 * {@code WATCHDOG_PID}, {@code SYSTEMD_EXEC_PID}): the process environment, in an
	 * application
	 * @param healthCheck decides on keep-alives, or {@code null} for no keep-alives
	 */
	SystemdNotifications(SystemdNotifier notifier, ApplicationContext context, Environment environment,
			@Nullable WatchdogHealthCheck healthCheck) {
		this.notifier = notifier;
		this.context = context;
		this.environment = environment;
		this.healthCheck = healthCheck;
		this.pid = ProcessHandle.current().pid();
		if (notifier.isEnabled()) {
			List<String> starting = new ArrayList<>();
			starting.add("STATUS=Starting " + applicationName() + " (pid " + this.pid + ")");
			if (Supervision.of(variables(Supervision.SYSTEMD_EXEC_PID), this.pid).isStartedThroughAnotherProcess()) {
				// Started through a wrapper that did not exec: systemd must learn which
				// process to watch (and the unit needs NotifyAccess=all).
				starting.add("MAINPID=" + this.pid);
				this.mainPidSent = true;
			}
			send(starting.toArray(String[]::new));
		}
	}

	@Override
	public boolean supportsEventType(ResolvableType eventType) {
		Class<?> type = eventType.getRawClass();
		return type != null && (ApplicationReadyEvent.class.isAssignableFrom(type)
				|| ContextClosedEvent.class.isAssignableFrom(type));
	}

	@Override
	public int getOrder() {
		// After the starter's early listener, which sends READY=1 on the same event.
		return Ordered.LOWEST_PRECEDENCE - 10;
	}

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		if (!this.notifier.isEnabled()) {
			return;
		}
		// Events of a child context (a management context on its own port) reach this
		// listener too: only this context's own life counts.
		if (event instanceof ApplicationReadyEvent readyEvent && readyEvent.getApplicationContext() == this.context) {
			onReady();
		}
		else if (event instanceof ContextClosedEvent closedEvent
				&& closedEvent.getApplicationContext() == this.context) {
			onClosed();
		}
	}

	@Override
	public synchronized void reloading() {
		if (!this.notifier.isEnabled() || !this.ready || this.closed) {
			return;
		}
		// MONOTONIC_USEC= tells systemd 253 and later (Type=notify-reload) that this
		// reload began after its signal; HotSpot's nanoTime is CLOCK_MONOTONIC on Linux.
		// systemd 252 takes RELOADING=1 alone and ignores the field.
		send("RELOADING=1", "MONOTONIC_USEC=" + (System.nanoTime() / 1000), "STATUS=Reloading " + applicationName());
	}

	@Override
	public synchronized void reloaded(@Nullable Throwable failure) {
		if (!this.notifier.isEnabled() || !this.ready || this.closed) {
			return;
		}
		if (failure != null) {
			// Still running, with the old configuration: ready again, and the status says
			// why the reload did not take.
			send("READY=1", "STATUS=Reload failed: " + oneLine(failure));
		}
		else {
			send("READY=1", "STATUS=Ready: " + applicationName() + listening());
		}
	}

	private static String oneLine(Throwable failure) {
		String message = (failure.getMessage() != null) ? failure.getMessage() : failure.getClass().getName();
		return message.lines().findFirst().orElse(failure.getClass().getName());
	}

	/**
	 * Makes readiness or the context's close end something that lasts while the
	 * application starts.
	 * @param duringStart closed when the start is over
	 */
	synchronized void endsStartWith(AutoCloseable duringStart) {
		this.startTimeout = duringStart;
	}

	private void endStart() {
		if (this.startTimeout != null) {
			try {
				this.startTimeout.close();
			}
			catch (Exception ex) {
				logger.warn("Cannot stop extending systemd's start timeout: " + ex);
			}
			this.startTimeout = null;
		}
	}

	private synchronized void onReady() {
		if (this.ready || this.closed) {
			return;
		}
		this.ready = true;
		endStart();
		send("STATUS=Ready: " + applicationName() + listening());
		if (this.healthCheck != null) {
			this.watchdog = startWatchdog(this.healthCheck);
		}
	}

	private synchronized void onClosed() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		endStart();
		if (this.watchdog != null) {
			this.watchdog.close();
		}
		// The core's readiness sends STOPPING=1 once for the whole process: now, before
		// the web server drains its requests, and not again when the JVM exits. A start
		// that never got ready keeps the start-up failure's status, which the core sent.
		SystemdReadiness.of(this.notifier).stopping(this.ready ? "Stopping " + applicationName() : null);
	}

	private @Nullable SystemdWatchdog startWatchdog(WatchdogHealthCheck check) {
		Map<String, String> variables = variables(SystemdWatchdog.WATCHDOG_USEC, SystemdWatchdog.WATCHDOG_PID,
				Supervision.SYSTEMD_EXEC_PID);
		try {
			// With MAINPID= sent, the watchdog meant for the wrapper is this JVM's.
			SystemdWatchdog started = this.mainPidSent
					? SystemdWatchdog.startAsMainProcess(this.notifier, check::isHealthy, variables, this.pid)
					: SystemdWatchdog.start(this.notifier, check::isHealthy, variables, this.pid);
			if (started.isActive()) {
				logger.info("Feeding systemd's watchdog every " + started.period().orElseThrow().toMillis()
						+ " ms while the application is healthy");
			}
			else if (variables.containsKey(SystemdWatchdog.WATCHDOG_USEC)) {
				logger.info("Not feeding systemd's watchdog: it is meant for pid "
						+ variables.get(SystemdWatchdog.WATCHDOG_PID) + ", not this process (" + this.pid + ")");
			}
			return started;
		}
		catch (IllegalArgumentException ex) {
			logger.warn("Not feeding systemd's watchdog: " + ex.getMessage());
			return null;
		}
	}

	/**
	 * Returns whether the watchdog's keep-alives are being sent.
	 * @return {@code true} from readiness until the context closes, when enabled
	 */
	synchronized boolean isFeedingWatchdog() {
		return this.watchdog != null && this.watchdog.isActive();
	}

	/**
	 * Reads systemd's variables from the environment, where tests can set them too.
	 */
	private Map<String, String> variables(String... names) {
		Map<String, String> variables = new LinkedHashMap<>();
		for (String name : names) {
			String value = this.environment.getProperty(name);
			if (value != null) {
				variables.put(name, value);
			}
		}
		return variables;
	}

	private String applicationName() {
		return this.environment.getProperty("spring.application.name", "application");
	}

	private String listening() {
		String port = this.environment.getProperty("local.server.port");
		if (port == null) {
			return "";
		}
		String management = this.environment.getProperty("local.management.port");
		return ", listening on port " + port
				+ ((management != null && !management.equals(port)) ? " (management " + management + ")" : "");
	}

	private void send(String... assignments) {
		try {
			this.notifier.notify(assignments);
		}
		catch (DaemonikerException ex) {
			// systemd's own timeouts tell the rest; the application goes on.
			logger.warn(ex.getMessage());
		}
	}

}
