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

import io.daemoniker.DaemonikerException;
import io.daemoniker.SystemdNotifier;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Keeps a slow start that is still making progress from being ended by systemd's
 * {@code TimeoutStartSec=} ({@code daemoniker.systemd.extend-start-timeout}): while the
 * application starts, every third of the extension in which at least one more bean was
 * initialized sends {@code EXTEND_TIMEOUT_USEC=} for the extension, from then on. A start
 * that makes no progress for that long (stuck on a lock, a remote call, a stopped
 * process) gets no more time, and systemd's timeout ends it, at the later of
 * {@code TimeoutStartSec=} and the last extension.
 */
final class StartTimeoutExtension implements BeanPostProcessor, AutoCloseable {

	private final AtomicLong initialized = new AtomicLong();

	private @Nullable ScheduledExecutorService ticker;

	private long seen;

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		this.initialized.incrementAndGet();
		return bean;
	}

	/**
	 * Starts looking at the progress, if systemd asks for notifications.
	 * @param notifier where the extensions go
	 * @param extension how much time each look that saw progress asks for
	 */
	synchronized void start(SystemdNotifier notifier, Duration extension) {
		if (!notifier.isEnabled() || this.ticker != null) {
			return;
		}
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "daemoniker-start-timeout");
			thread.setDaemon(true);
			return thread;
		});
		long period = Math.max(100, extension.toMillis() / 3);
		String message = "EXTEND_TIMEOUT_USEC=" + extension.toNanos() / 1000;
		executor.scheduleAtFixedRate(() -> look(notifier, message), 0, period, TimeUnit.MILLISECONDS);
		this.ticker = executor;
	}

	private void look(SystemdNotifier notifier, String message) {
		long now = this.initialized.get();
		if (now == this.seen) {
			return;
		}
		this.seen = now;
		try {
			notifier.notify(message);
		}
		catch (DaemonikerException ex) {
			// systemd's own timeout then decides.
		}
	}

	/**
	 * Stops looking: the start is over, ready or failed.
	 */
	@Override
	public synchronized void close() {
		if (this.ticker != null) {
			this.ticker.shutdownNow();
			this.ticker = null;
		}
	}

}
