/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.daemoniker.Daemoniker;
import io.daemoniker.PidFile;
import io.daemoniker.SIGUSR1;
import io.daemoniker.SignalHandler1;
import sun.misc.Signal;

/**
 * In-process signal latency: the time from the start of sending {@code SIGUSR1} to this
 * JVM's own PID to the moment its handler runs, one signal at a time (the next is sent
 * only once the handler ran).
 * <p>
 * Senders: {@code raise} ({@code sun.misc.Signal.raise}, no Daemoniker), {@code kill}
 * (the core's platform {@code kill()} through JNA, no PID-file check) and {@code send}
 * ({@code Daemoniker.send} on a PID file this JVM holds: PID-file and lock check, then
 * {@code kill()}). Receivers: {@code raw} ({@code sun.misc.Signal.handle}) and
 * {@code SignalHandler1} (the JVM's signal thread hands the signal to Daemoniker's
 * dispatch thread, which runs the handler). The modes run interleaved in rounds after a
 * warm-up round, so that drift on a noisy machine hits all of them alike.
 *
 * <pre>
 * java -cp ... SignalLatency &lt;pid-file&gt; &lt;signals-per-mode&gt;
 * </pre>
 */
public final class SignalLatency {

	private static final int ROUNDS = 5;

	private static final Signal USR1 = new Signal("USR1");

	private final Path pidFile;

	private final Semaphore handled = new Semaphore(0);

	private volatile long handledAt;

	private SignalLatency(Path pidFile) {
		this.pidFile = pidFile;
	}

	public static void main(String[] args) throws Exception {
		Path pidFile = Path.of(args[0]);
		int perMode = Integer.parseInt(args[1]);
		try (PidFile held = PidFile.acquire(pidFile)) {
			new SignalLatency(pidFile).run(perMode);
		}
	}

	private void run(int perMode) throws Exception {
		Map<String, List<Long>> samples = new LinkedHashMap<>();
		for (String mode : List.of("raise->raw", "kill->raw", "send->raw", "raise->SignalHandler1",
				"send->SignalHandler1")) {
			samples.put(mode, new ArrayList<>());
		}
		long pid = ProcessHandle.current().pid();
		int perRound = Math.max(1, perMode / ROUNDS);
		for (int round = 0; round <= ROUNDS; round++) {
			// Round 0 warms up the JIT and the code paths and is not recorded.
			int count = (round == 0) ? Math.min(500, perRound) : perRound;
			boolean record = round > 0;
			Signal.handle(USR1, (signal) -> mark());
			measure(count, record ? samples.get("raise->raw") : null, () -> Signal.raise(USR1));
			measure(count, record ? samples.get("kill->raw") : null, () -> kill(pid));
			measure(count, record ? samples.get("send->raw") : null, () -> Daemoniker.send(this.pidFile, SIGUSR1.class));
			SignalHandler1 handler = new SignalHandler1(this.pidFile);
			handler.setSigusr1((signum) -> mark());
			handler.start();
			try {
				measure(count, record ? samples.get("raise->SignalHandler1") : null, () -> Signal.raise(USR1));
				measure(count, record ? samples.get("send->SignalHandler1") : null,
						() -> Daemoniker.send(this.pidFile, SIGUSR1.class));
			}
			finally {
				handler.stop();
			}
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

	private void measure(int count, List<Long> into, Sender sender) throws Exception {
		for (int i = 0; i < count; i++) {
			long start = System.nanoTime();
			sender.send();
			if (!this.handled.tryAcquire(10, TimeUnit.SECONDS)) {
				throw new IllegalStateException("the handler did not run within 10 s of signal " + i);
			}
			if (into != null) {
				into.add(this.handledAt - start);
			}
		}
	}

	private static void kill(long pid) throws IOException {
		io.daemoniker.internal.platform.Platform.current().kill(pid, SIGUSR1.SIGNUM);
	}

	@FunctionalInterface
	interface Sender {

		void send() throws Exception;

	}

}
