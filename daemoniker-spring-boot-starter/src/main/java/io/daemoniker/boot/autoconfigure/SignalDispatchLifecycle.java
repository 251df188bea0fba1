/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.boot.autoconfigure;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import io.daemoniker.SignalHandler1;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;

/**
 * Receives signals through the core's {@link SignalHandler1} (one dispatch thread, no
 * delivery lost while a handler runs) and hands each to the {@code @OnSignal} methods and
 * then to the shutdown policy. It starts last and stops first, so that no handler runs
 * while the rest of the context stops. It is present whenever the starter manages the
 * application, whether or not the application defines its own
 * {@link io.daemoniker.boot.ManagedDaemon}.
 */
final class SignalDispatchLifecycle implements SmartLifecycle {

	private final Path pidFile;

	private final SignalMethodRegistry methods;

	private final ShutdownPolicy shutdown;

	private @Nullable SignalHandler1 signals;

	SignalDispatchLifecycle(Path pidFile, SignalMethodRegistry methods, ShutdownPolicy shutdown) {
		this.pidFile = pidFile;
		this.methods = methods;
		this.shutdown = shutdown;
	}

	/**
	 * Returns every signal this application handles: those of its {@code @OnSignal}
	 * methods and the shutdown signals.
	 * @return signal numbers, in ascending order
	 */
	Set<Integer> handled() {
		Set<Integer> handled = new TreeSet<>(this.methods.signals());
		handled.addAll(this.shutdown.signals());
		return handled;
	}

	@Override
	public synchronized void start() {
		SignalHandler1 handler = new SignalHandler1(this.pidFile);
		for (int signum : handled()) {
			handler.setHandler(signum, this::dispatch);
		}
		handler.start();
		this.signals = handler;
	}

	@Override
	public synchronized void stop() {
		SignalHandler1 handler = this.signals;
		if (handler != null) {
			handler.stop();
			this.signals = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.signals != null;
	}

	@Override
	public int getPhase() {
		// Start last, stop first: no handler runs while the web server drains.
		return Integer.MAX_VALUE;
	}

	private void dispatch(int signum) {
		this.methods.invoke(signum);
		this.shutdown.onSignal(signum);
	}

}
