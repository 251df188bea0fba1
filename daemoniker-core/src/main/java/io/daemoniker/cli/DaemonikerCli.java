/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.daemoniker.DaemonStatus;
import io.daemoniker.Daemoniker;
import io.daemoniker.DaemonikerException;
import io.daemoniker.internal.signal.SendableSignals;
import io.daemoniker.internal.signal.SignalNumbers;

/**
 * The {@code daemoniker} command: {@code status}, {@code send} and {@code stop} for any
 * daemon with a Daemoniker PID file.
 * <p>
 * Exit codes follow LSB init scripts: 0 success (running, for {@code status}), 1 stale
 * PID file or failure, 3 not running, 4 PID file not trusted; 2 for usage errors and bad
 * arguments.
 */
public final class DaemonikerCli {

	static final int OK = 0;

	static final int FAILED = 1;

	static final int USAGE = 2;

	static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(30);

	private static final String USAGE_TEXT = String.join(System.lineSeparator(), "usage: daemoniker status <pid-file>",
			"       daemoniker send <pid-file> <signal>", "       daemoniker stop <pid-file> [--timeout DURATION]", "",
			"  status   prints whether the daemon runs; exit 0 running, 1 stale PID file, 3 not running,",
			"           4 PID file not trusted",
			"  send     sends a signal by name (TERM, SIGTERM) or number; the daemon must hold its PID file",
			"  stop     sends TERM and waits until the daemon is gone (default 30s); exit 1 if it is not", "",
			"  DURATION: 500ms, 10s, 2m, or plain seconds");

	private final PrintStream out;

	private final PrintStream err;

	DaemonikerCli(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	/**
	 * Runs the command and exits with its status.
	 * @param args the command line
	 */
	public static void main(String[] args) {
		System.exit(new DaemonikerCli(System.out, System.err).run(List.of(args)));
	}

	int run(List<String> args) {
		if (args.isEmpty()) {
			return usage("no command given");
		}
		String command = args.get(0);
		if ("-h".equals(command) || "--help".equals(command) || "help".equals(command)) {
			this.out.println(USAGE_TEXT);
			return OK;
		}
		try {
			return switch (command) {
				case "status" -> status(args.subList(1, args.size()));
				case "send" -> send(args.subList(1, args.size()));
				case "stop" -> stop(args.subList(1, args.size()));
				default -> usage("unknown command \"" + command + "\"");
			};
		}
		catch (UsageException ex) {
			return usage(ex.getMessage());
		}
		catch (DaemonikerException ex) {
			this.err.println("daemoniker: " + ex.getMessage());
			return FAILED;
		}
	}

	private int status(List<String> args) {
		expectCount(args, 1, "status <pid-file>");
		DaemonStatus status = Daemoniker.status(pidFile(args.get(0)));
		(status.isRunning() ? this.out : this.err).println(status.description());
		return status.state().lsbExitCode();
	}

	private int send(List<String> args) {
		expectCount(args, 2, "send <pid-file> <signal>");
		Path pidFile = pidFile(args.get(0));
		int signum = signal(args.get(1));
		SendableSignals.refusal(signum).ifPresent((reason) -> {
			throw new UsageException(reason);
		});
		DaemonStatus status = Daemoniker.status(pidFile);
		if (!status.isRunning()) {
			return refuse("not sending SIG" + SignalNumbers.name(signum), status);
		}
		this.out.println(Daemoniker.send(pidFile, signum));
		return OK;
	}

	private int stop(List<String> args) {
		Duration timeout = DEFAULT_STOP_TIMEOUT;
		if (args.size() == 3 && "--timeout".equals(args.get(1))) {
			timeout = DurationParser.parse(args.get(2));
		}
		else if (args.size() == 2 && args.get(1).startsWith("--timeout=")) {
			timeout = DurationParser.parse(args.get(1).substring("--timeout=".length()));
		}
		else {
			expectCount(args, 1, "stop <pid-file> [--timeout DURATION]");
		}
		Path pidFile = pidFile(args.get(0));
		DaemonStatus status = Daemoniker.status(pidFile);
		if (!status.isRunning()) {
			return refuse("nothing to stop", status);
		}
		long pid = status.pid().getAsLong();
		if (Daemoniker.stop(pidFile, timeout)) {
			this.out.println("stopped (pid " + pid + ")");
			return OK;
		}
		this.err.println("daemoniker: still running (pid " + pid + ") " + DurationParser.format(timeout)
				+ " after SIGTERM; try again with a longer --timeout, or end it with kill -9 " + pid);
		return FAILED;
	}

	private int refuse(String what, DaemonStatus status) {
		this.err.println("daemoniker: " + what + ": " + status.description());
		return status.state().lsbExitCode();
	}

	private static Path pidFile(String value) {
		if (value.isBlank()) {
			throw new UsageException("the PID file path is empty");
		}
		return Path.of(value);
	}

	private static int signal(String value) {
		if (!value.isEmpty() && value.chars().allMatch(Character::isDigit)) {
			int signum;
			try {
				signum = Integer.parseInt(value);
			}
			catch (NumberFormatException ex) {
				signum = -1;
			}
			if (signum < 1 || signum > 64) {
				throw new UsageException("signal number " + value + " is out of range; use 1 to 64");
			}
			return signum;
		}
		return SignalNumbers.number(value)
			.orElseThrow(() -> new UsageException("unknown signal \"" + value + "\"; use a number or one of "
					+ String.join(", ", SendableSignals.names())));
	}

	private static void expectCount(List<String> args, int count, String usage) {
		if (args.size() != count) {
			throw new UsageException("expected: daemoniker " + usage);
		}
	}

	private int usage(String message) {
		this.err.println("daemoniker: " + message + " (see daemoniker --help)");
		return USAGE;
	}

	/**
	 * A command line that does not fit the usage.
	 */
	static final class UsageException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		UsageException(String message) {
			super(message);
		}

	}

}
