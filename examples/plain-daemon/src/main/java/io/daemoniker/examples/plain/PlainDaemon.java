/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.examples.plain;

import java.net.URISyntaxException;
import java.nio.file.Path;

import io.daemoniker.DaemonikerException;
import io.daemoniker.Daemoniker;
import io.daemoniker.DaemonizeOptions;
import io.daemoniker.Daemoniker;
import io.daemoniker.DaemonizeResult;
import io.daemoniker.Daemonizer;
import io.daemoniker.ReceivedSignal;
import io.daemoniker.SIGTERM;
import io.daemoniker.SignalHandler1;
import io.daemoniker.cli.DaemonikerCli;

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
		Path pidFile;
		String logFile;
		long pid;
		try (Daemonizer daemonizer = new Daemonizer()) {
			pidFile = Path.of(args[0]);
			Path log = Path.of(args[1]);
			if (daemonizer.isSetup()) {
				// Runs once, in the launcher, before the daemon exists.
				System.out.println("starting daemon, logging to " + log.toAbsolutePath());
			}
			// Readiness is confirmed once the signal handlers are in place: a supervisor
			// that hears of it may signal at once (systemd's ExecReload=, for one).
			DaemonizeOptions options = DaemonizeOptions.builder()
				.chdir(Path.of("/"))
				.stdout(log)
				.stderr(log)
				.manualReadiness(true)
				.build();
			DaemonizeResult result = daemonizer.daemonize(pidFile, options, args[1]);
			if (result.isParent()) {
				// Runs in the launcher once the daemon has confirmed its start-up.
				System.out.println("daemon started (pid " + result.pid() + ", PID file " + pidFile.toAbsolutePath()
						+ "); stop it with: " + cliCommand() + " stop " + quoted(pidFile.toAbsolutePath().toString()));
			}
			logFile = (String) result.arg(0);
			pid = result.pid();
		}
		catch (DaemonikerException | IllegalArgumentException ex) {
			// A bad path or a daemon that could not start: one line, no stack trace. In
			// the daemon, the launcher was told already and prints it.
			if (!Daemoniker.isDaemon()) {
				System.err.println("plain-daemon: " + ex.getMessage());
			}
			System.exit(1);
			return;
		}
		runDaemon(pidFile, logFile, pid);
	}

	/**
	 * The command that runs the {@code daemoniker} tool from the jar it is in: this
	 * example's jar holds the core, command-line tool included.
	 */
	private static String cliCommand() {
		try {
			Path jar = Path.of(DaemonikerCli.class.getProtectionDomain().getCodeSource().getLocation().toURI());
			return "java -cp " + quoted(jar.toString()) + " " + DaemonikerCli.class.getName();
		}
		catch (URISyntaxException | RuntimeException ex) {
			return "java -jar daemoniker-cli.jar";
		}
	}

	private static String quoted(String word) {
		for (int i = 0; i < word.length(); i++) {
			if ("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_./:@%+=,-"
				.indexOf(word.charAt(i)) < 0) {
				return "'" + word.replace("'", "'\\''") + "'";
			}
		}
		return word.isEmpty() ? "''" : word;
	}

	private static void runDaemon(Path pidFile, String logFile, long pid) throws InterruptedException {
		// In the foreground (a Type=notify unit, a container) the log-file argument is
		// not used: the output goes where the supervisor sends it, the journal for
		// systemd.
		System.out.println("daemon started pid=" + pid
				+ (Daemoniker.isDaemon() ? " log=" + logFile : " in the foreground, output to the supervisor"));
		SignalHandler1 signals = new SignalHandler1(pidFile);
		signals.setSighup((signum) -> System.out.println("received SIGHUP"));
		signals.start();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("daemon stopping")));
		Daemoniker.notifyReady();
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
