/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.examples.plain;

import java.nio.file.Path;

import io.daemoniker.DaemonizeOptions;
import io.daemoniker.Daemoniker;
import io.daemoniker.DaemonizeResult;
import io.daemoniker.Daemonizer;
import io.daemoniker.ReceivedSignal;
import io.daemoniker.SIGTERM;
import io.daemoniker.SignalHandler1;

/**
 * The Python documentation's example in Java: daemonizes with standard output and error
 * appended to a log file, logs each {@code SIGHUP}, and exits cleanly on {@code SIGTERM}.
 *
 * <pre>
 * java -jar plain-daemon.jar &lt;pid-file&gt; &lt;log-file&gt;
 * </pre>
 */
public final class PlainDaemon {

	private PlainDaemon() {
	}

	public static void main(String[] args) throws InterruptedException {
		if (args.length != 2) {
			System.err.println("usage: java -jar plain-daemon.jar <pid-file> <log-file>");
			System.exit(2);
		}
		Path pidFile = Path.of(args[0]);
		String logFile;
		try (Daemonizer daemonizer = new Daemonizer()) {
			if (daemonizer.isSetup()) {
				// Runs once, in the launcher, before the daemon exists.
				System.out.println("starting daemon, logging to " + Path.of(args[1]).toAbsolutePath());
			}
			DaemonizeOptions options = DaemonizeOptions.builder()
				.chdir(Path.of("/"))
				.stdout(Path.of(args[1]))
				.stderr(Path.of(args[1]))
				.build();
			DaemonizeResult result = daemonizer.daemonize(pidFile, options, args[1]);
			if (result.isParent()) {
				// Runs in the launcher once the daemon has confirmed its start-up.
				System.out.println("daemon started (pid file " + pidFile
						+ "); stop it with: java -jar daemoniker-cli.jar stop " + pidFile);
			}
			logFile = (String) result.arg(0);
		}
		runDaemon(pidFile, logFile);
	}

	private static void runDaemon(Path pidFile, String logFile) throws InterruptedException {
		// In the foreground (a Type=notify unit, a container) the log-file argument is
		// not
		// used: the output goes where the supervisor sends it, the journal for systemd.
		System.out.println("daemon started pid=" + ProcessHandle.current().pid()
				+ (Daemoniker.isDaemon() ? " log=" + logFile : " in the foreground, output to the supervisor"));
		SignalHandler1 signals = new SignalHandler1(pidFile);
		signals.setSighup((signum) -> System.out.println("received SIGHUP"));
		signals.start();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("daemon stopping")));
		while (true) {
			try {
				signals.awaitSignal();
			}
			catch (SIGTERM ex) {
				System.out.println("received SIGTERM, exiting");
				System.exit(0);
			}
			catch (ReceivedSignal ex) {
				System.out.println("received " + ex.getMessage() + ", exiting");
				System.exit(128 + ex.signum());
			}
		}
	}

}
