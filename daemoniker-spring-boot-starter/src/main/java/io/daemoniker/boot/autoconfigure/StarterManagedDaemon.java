/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.boot.autoconfigure;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.daemoniker.Daemoniker;
import io.daemoniker.RunMode;
import io.daemoniker.boot.ManagedDaemon;

/**
 * The starter's {@link ManagedDaemon}: this process, its PID file and mode, the signals
 * the dispatch lifecycle handles with their counts, and a graceful stop through the
 * shutdown policy.
 */
final class StarterManagedDaemon implements ManagedDaemon {

	private final Path pidFile;

	private final RunMode mode;

	private final SignalDispatchLifecycle dispatch;

	private final SignalMethodRegistry methods;

	private final ShutdownPolicy shutdown;

	StarterManagedDaemon(Path pidFile, RunMode mode, SignalDispatchLifecycle dispatch, SignalMethodRegistry methods,
			ShutdownPolicy shutdown) {
		this.pidFile = pidFile;
		this.mode = mode;
		this.dispatch = dispatch;
		this.methods = methods;
		this.shutdown = shutdown;
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
		Set<Integer> handled = this.dispatch.handled();
		Signals.supported().forEach((name, signum) -> {
			if (handled.contains(signum)) {
				counts.put(name, this.methods.deliveries(signum));
			}
		});
		return counts;
	}

	@Override
	public void requestStop() {
		this.shutdown.requestStop();
	}

	@Override
	public void signal(String name) {
		Daemoniker.send(this.pidFile, Signals.number(name));
	}

}
