/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.boot.autoconfigure;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.daemoniker.systemd.SystemdNotifier;
import io.daemoniker.systemd.SystemdReadiness;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Keeps a slow start that is still making progress from being ended by systemd's
 * {@code TimeoutStartSec=} ({@code daemoniker.systemd.extend-start-timeout}, 30 s by
 * default). Progress is what the context shows of its start: a bean initialized, or an
 * event published (the context refreshed, the web server started, the application
 * started). Every third of the extension in which there was some, the core's
 * {@link SystemdReadiness} asks systemd for the extension from then on
 * ({@code EXTEND_TIMEOUT_USEC=}); a third without any asks for nothing. So a start stuck
 * in one bean, on a lock, a remote call or a runner gets no more time, and systemd ends
 * it at the later of {@code TimeoutStartSec=} and the last extension, at most one
 * extension and a third after its last progress. An extension never shortens
 * {@code TimeoutStartSec=}.
 * <p>
 * The asking begins when the context creates its bean post-processors, before any other
 * bean, so {@code TimeoutStartSec=} must still cover the JVM's start and Spring Boot's
 * until then (reading the configuration, scanning for components); readiness or the
 * context's close ends it.
 */
final class StartTimeoutExtension implements BeanPostProcessor, ApplicationListener<ApplicationEvent>, AutoCloseable {

	private final AtomicLong progress = new AtomicLong();

	private @Nullable ScheduledExecutorService ticker;

	private boolean closed;

	private long seen = -1;

	/**
	 * Creates the extension that an environment asks for, and starts it: the extension of
	 * {@code daemoniker.systemd.extend-start-timeout}, to the socket of
	 * {@code NOTIFY_SOCKET}, both read from the environment (not from beans, since a
	 * post-processor that makes beans makes them too early).
	 * @param environment the application's environment
	 * @return the extension, started when systemd asks for notifications and the
	 * extension is not 0
	 */
	static StartTimeoutExtension from(Environment environment) {
		StartTimeoutExtension startTimeout = new StartTimeoutExtension();
		Duration extension = Binder.get(environment)
			.bind("daemoniker.systemd", DaemonikerProperties.Systemd.class)
			.map(DaemonizeOptionsMapper::startTimeoutExtension)
			.orElseGet(() -> new DaemonikerProperties.Systemd().getExtendStartTimeout());
		String socket = environment.getProperty(SystemdNotifier.NOTIFY_SOCKET);
		if (!extension.isZero() && socket != null && !socket.isEmpty()) {
			try {
				startTimeout.start(SystemdNotifier.forSocket(socket), extension);
			}
			catch (IllegalArgumentException ex) {
				// The notifier bean reports, once, an address that is not supported.
			}
		}
		return startTimeout;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		this.progress.incrementAndGet();
		return bean;
	}

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		this.progress.incrementAndGet();
	}

	/**
	 * Starts looking at the progress, if systemd asks for notifications.
	 * @param notifier where the extensions go
	 * @param extension how much time each look that saw progress asks for
	 */
	synchronized void start(SystemdNotifier notifier, Duration extension) {
		if (!notifier.isEnabled() || this.ticker != null || this.closed) {
			return;
		}
		SystemdReadiness readiness = SystemdReadiness.of(notifier);
		// The first look at once, so that the first extension comes at a known point of
		// the start: when the post-processors are created, before any other bean.
		look(readiness, extension);
		if (this.closed) {
			return;
		}
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "daemoniker-start-timeout");
			thread.setDaemon(true);
			return thread;
		});
		long period = Math.max(100, extension.toMillis() / 3);
		executor.scheduleAtFixedRate(() -> look(readiness, extension), period, period, TimeUnit.MILLISECONDS);
		this.ticker = executor;
	}

	private void look(SystemdReadiness readiness, Duration extension) {
		long now = this.progress.get();
		// The first look counts as progress: the start has come this far. Looks are
		// made one at a time (the first before the ticker exists), so seen needs no lock.
		if (now == this.seen) {
			return;
		}
		this.seen = now;
		if (!readiness.extendStartTimeout(extension)) {
			// Ready or stopping already, or systemd cannot be told: nothing more to ask.
			close();
		}
	}

	/**
	 * Returns whether the start's progress is being looked at.
	 * @return {@code true} from the start until readiness or the context's close, when
	 * systemd asks for notifications and the extension is not 0
	 */
	synchronized boolean isExtending() {
		return this.ticker != null;
	}

	/**
	 * Stops looking: the start is over, ready or failed.
	 */
	@Override
	public synchronized void close() {
		this.closed = true;
		if (this.ticker != null) {
			this.ticker.shutdownNow();
			this.ticker = null;
		}
	}

}
