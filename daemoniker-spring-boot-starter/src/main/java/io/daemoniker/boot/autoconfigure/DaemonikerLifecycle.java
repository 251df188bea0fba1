/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.boot.autoconfigure;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.daemoniker.Daemoniker;
import io.daemoniker.RunMode;
import io.daemoniker.SIGHUP;
import io.daemoniker.SignalHandler1;
import io.daemoniker.Supervision;
import io.daemoniker.boot.ManagedDaemon;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;

/**
 * Dispatches signals to {@code @OnSignal} methods and shuts the application down on the
 * shutdown signals, through the core's {@link SignalHandler1} (one dispatch thread, no
 * delivery lost while a handler runs). It starts last and stops first, so that no handler
 * runs while the rest of the context stops.
 */
final class DaemonikerLifecycle implements ManagedDaemon, SmartLifecycle {

	private static final Log logger = LogFactory.getLog(DaemonikerLifecycle.class);

	private final Path pidFile;

	private final RunMode mode;

	private final Set<Integer> shutdownSignals;

	private final ConfigurableApplicationContext context;

	private final Map<Integer, List<SignalMethod>> methods = new ConcurrentHashMap<>();

	private final Map<Integer, AtomicLong> deliveries = new ConcurrentHashMap<>();

	private final AtomicBoolean stopping = new AtomicBoolean();

	private @Nullable SignalHandler1 signals;

	private volatile @Nullable ReloadObserver reloadObserver;

	DaemonikerLifecycle(DaemonikerProperties properties, ConfigurableApplicationContext context) {
		this.pidFile = Path.of(System.getProperty("user.dir"))
			.resolve(String.valueOf(properties.getPidFile()))
			.normalize();
		this.mode = Daemoniker.isDaemon() ? RunMode.DAEMON : properties.getMode().resolve(Supervision.detect());
		this.shutdownSignals = properties.shutdownSignalNumbers();
		this.context = context;
	}

	/**
	 * Adds an {@code @OnSignal} method; called before the context starts.
	 * @param method the method
	 */
	void register(SignalMethod method) {
		for (int signum : method.signals()) {
			this.methods.computeIfAbsent(signum, (key) -> new CopyOnWriteArrayList<>()).add(method);
		}
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

	/**
	 * Sets who is told of reloads on {@code SIGHUP}; with one set, {@code SIGHUP} is
	 * handled even without {@code @OnSignal("HUP")} methods, so that systemd's reload
	 * signal never ends the application. Called before the context starts.
	 * @param observer the observer
	 */
	void observeReloads(ReloadObserver observer) {
		this.reloadObserver = observer;
	}

	private Set<Integer> handled() {
		Set<Integer> handled = new TreeSet<>(this.methods.keySet());
		handled.addAll(this.shutdownSignals);
		if (this.reloadObserver != null) {
			handled.add(SIGHUP.SIGNUM);
		}
		return handled;
	}

	private void dispatch(int signum) {
		this.deliveries.computeIfAbsent(signum, (key) -> new AtomicLong()).incrementAndGet();
		ReloadObserver reload = (signum == SIGHUP.SIGNUM && !this.shutdownSignals.contains(signum))
				? this.reloadObserver : null;
		if (reload != null) {
			reload.reloading();
		}
		Throwable failure = null;
		for (SignalMethod method : this.methods.getOrDefault(signum, List.of())) {
			try {
				method.invoke(signum);
			}
			catch (Throwable ex) {
				logger.error("@OnSignal method " + method + " failed on SIG" + Signals.name(signum), ex);
				failure = (failure != null) ? failure : ex;
			}
		}
		if (reload != null) {
			reload.reloaded(failure);
		}
		if (this.shutdownSignals.contains(signum)) {
			closeAndExit(128 + signum, "SIG" + Signals.name(signum));
		}
	}

	@Override
	public long pid() {
		return ProcessHandle.current().pid();
	}

	@Override
	public Path pidFile() {
		return this.pidFile;
	}

	@Override
	public RunMode mode() {
		return this.mode;
	}

	@Override
	public Instant startTime() {
		return Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
	}

	@Override
	public Map<String, Long> handledSignals() {
		Map<String, Long> counts = new LinkedHashMap<>();
		Set<Integer> handled = handled();
		Signals.supported().forEach((name, signum) -> {
			if (handled.contains(signum)) {
				AtomicLong count = this.deliveries.get(signum);
				counts.put(name, (count != null) ? count.get() : 0L);
			}
		});
		return counts;
	}

	@Override
	public void requestStop() {
		closeAndExit(0, "request");
	}

	@Override
	public void signal(String name) {
		Daemoniker.send(this.pidFile, Signals.number(name));
	}

	/**
	 * Closes the context on a thread of its own, not the dispatch thread that stopping
	 * this lifecycle stops, and then ends the JVM, which removes the PID file once the
	 * application is down.
	 */
	private void closeAndExit(int status, String cause) {
		if (!this.stopping.compareAndSet(false, true)) {
			return;
		}
		logger.info("Stopping on " + cause + ": closing the application context");
		Thread thread = new Thread(() -> {
			try {
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
		// the
		// JVM must not end on its own, with status 0, once the context has closed.
		thread.setDaemon(false);
		thread.setContextClassLoader(getClass().getClassLoader());
		thread.start();
	}

}
