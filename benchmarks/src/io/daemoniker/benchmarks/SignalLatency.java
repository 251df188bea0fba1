/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.daemoniker.Daemoniker;
import io.daemoniker.PidFile;
import io.daemoniker.SIGHUP;
import io.daemoniker.SIGUSR1;
import io.daemoniker.SignalHandler1;
import sun.misc.Signal;

/**
 * In-process signal latency: the time from the start of sending a signal to this JVM's
 * own PID to the moment its handler runs, one signal at a time (the next is sent only
 * once the handler ran).
 * <p>
 * Senders: {@code raise} ({@code sun.misc.Signal.raise}, no Daemoniker), {@code kill}
 * (the core's platform {@code kill()} through JNA, no PID-file check) and {@code send}
 * ({@code Daemoniker.send} on a PID file this JVM holds: PID-file and lock check, then
 * {@code kill()}). Receivers: {@code raw}, a {@code sun.misc.Signal.handle} handler on
 * {@code SIGHUP}, and {@code SignalHandler1}, Daemoniker's handler on {@code SIGUSR1}
 * (the JVM's signal thread hands the signal to Daemoniker's dispatch thread, which runs
 * the handler). Both receivers are installed at once, so the modes take turns signal by
 * signal, and drift on a noisy machine hits all of them alike. A warm-up of 500 signals
 * per mode is not recorded.
 *
 * <pre>
 * java -cp ... SignalLatency &lt;pid-file&gt; &lt;signals-per-mode&gt;
 * </pre>
 */
public final class SignalLatency {

	private static final int WARM_UP = 500;

	private static final Signal HUP = new Signal("HUP");

	private static final Signal USR1 = new Signal("USR1");

	private final Path pidFile;

	private final Semaphore handled = new Semaphore(0);

	private volatile long handledAt;

	private SignalLatency(Path pidFile) {
		this.pidFile = pidFile;
	}

	/**
	 * Measures and prints the latencies.
	 * @param args the PID file to hold and the number of signals per mode
	 * @throws Exception if a signal cannot be sent or a handler does not run
	 */
	public static void main(String[] args) throws Exception {
		Path pidFile = Path.of(args[0]);
		int perMode = Integer.parseInt(args[1]);
		try (PidFile held = PidFile.acquire(pidFile)) {
			new SignalLatency(pidFile).run(perMode);
		}
	}

	private void run(int perMode) throws Exception {
		long pid = ProcessHandle.current().pid();
		Map<String, Sender> modes = new LinkedHashMap<>();
		modes.put("raise->raw", () -> Signal.raise(HUP));
		modes.put("kill->raw", () -> kill(pid, SIGHUP.SIGNUM));
		modes.put("send->raw", () -> Daemoniker.send(this.pidFile, SIGHUP.class));
		modes.put("raise->SignalHandler1", () -> Signal.raise(USR1));
		modes.put("send->SignalHandler1", () -> Daemoniker.send(this.pidFile, SIGUSR1.class));
		Map<String, List<Long>> samples = new LinkedHashMap<>();
		modes.keySet().forEach((mode) -> samples.put(mode, new ArrayList<>()));
		SignalHandler1 handler = new SignalHandler1(this.pidFile);
		handler.setSigusr1((signum) -> mark());
		handler.start();
		try {
			// Takes SIGHUP back from SignalHandler1 for the raw receiver.
			Signal.handle(HUP, (signal) -> mark());
			List<String> order = new ArrayList<>(modes.keySet());
			for (int i = 0; i < WARM_UP + perMode; i++) {
				// Rotates the order so that no mode always follows the same one.
				Collections.rotate(order, 1);
				for (String mode : order) {
					long latency = measure(modes.get(mode));
					if (i >= WARM_UP) {
						samples.get(mode).add(latency);
					}
				}
			}
		}
		finally {
			handler.stop();
		}
		for (Map.Entry<String, List<Long>> entry : samples.entrySet()) {
			Stats stats = Stats.of(entry.getValue());
			System.out.printf("signal %-22s n=%d p50_us=%.1f p90_us=%.1f p99_us=%.1f max_us=%.1f%n", entry.getKey(),
					stats.count(), stats.p50() / 1e3, stats.p90() / 1e3, stats.p99() / 1e3, stats.max() / 1e3);
		}
	}

	private void mark() {
		this.handledAt = System.nanoTime();
		this.handled.release();
	}

	private long measure(Sender sender) throws Exception {
		long start = System.nanoTime();
		sender.send();
		if (!this.handled.tryAcquire(10, TimeUnit.SECONDS)) {
			throw new IllegalStateException("the handler did not run within 10 s");
		}
		return this.handledAt - start;
	}

	private static void kill(long pid, int signum) throws IOException {
		io.daemoniker.internal.platform.Platform.current().kill(pid, signum);
	}

	@FunctionalInterface
	interface Sender {

		void send() throws Exception;

	}

}
