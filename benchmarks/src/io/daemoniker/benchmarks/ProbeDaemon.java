/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import io.daemoniker.DaemonizeOptions;
import io.daemoniker.DaemonizeResult;
import io.daemoniker.Daemonizer;
import io.daemoniker.ReceivedSignal;
import io.daemoniker.SignalHandler1;

/**
 * The plain daemon with timestamps: the same calls as {@code PlainDaemon}, but each JVM
 * writes the wall-clock times (epoch nanoseconds) at which it entered {@code main} and
 * left {@code daemonize}, so that the harness can split the launcher's wall time into
 * phases.
 *
 * <pre>
 * java -cp ... ProbeDaemon &lt;pid-file&gt; &lt;log-file&gt; &lt;times-prefix&gt;
 * </pre>
 *
 * The launcher writes {@code <times-prefix>.launcher}, the daemon
 * {@code <times-prefix>.daemon}.
 */
public final class ProbeDaemon {

	private ProbeDaemon() {
	}

	/**
	 * Daemonizes, stamping the times, and waits for a signal.
	 * @param args the PID file, the log file and the prefix of the times files
	 * @throws IOException if a times file cannot be written
	 * @throws InterruptedException if interrupted while waiting for a signal
	 */
	public static void main(String[] args) throws IOException, InterruptedException {
		long mainAt = now();
		Path pidFile = Path.of(args[0]);
		Path log = Path.of(args[1]);
		String times = args[2];
		DaemonizeOptions options = DaemonizeOptions.builder().chdir(Path.of("/")).stdout(log).stderr(log).build();
		SignalHandler1 signals;
		try (Daemonizer daemonizer = new Daemonizer()) {
			long before = now();
			DaemonizeResult result = daemonizer.daemonize(pidFile, options);
			long after = now();
			String side = result.isParent() ? "launcher" : "daemon";
			Files.writeString(Path.of(times + "." + side),
					"main=" + mainAt + " before=" + before + " after=" + after + "\n");
			if (result.isParent()) {
				System.exit(0);
			}
		}
		signals = new SignalHandler1(pidFile);
		signals.start();
		while (true) {
			try {
				signals.awaitSignal();
			}
			catch (ReceivedSignal ex) {
				System.exit(0);
			}
		}
	}

	private static long now() {
		Instant now = Instant.now();
		return now.getEpochSecond() * 1_000_000_000L + now.getNano();
	}

}
