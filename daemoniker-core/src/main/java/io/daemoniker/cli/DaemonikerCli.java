/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import io.daemoniker.DaemonStatus;
import io.daemoniker.Daemoniker;
import io.daemoniker.DaemonikerException;
import io.daemoniker.internal.pidfile.PidFileInspector;
import io.daemoniker.internal.platform.JnaLoading;
import io.daemoniker.internal.platform.Platform;
import io.daemoniker.internal.platform.Processes;
import io.daemoniker.internal.platform.SignalNumbers;
import io.daemoniker.internal.signal.SendableSignals;
import org.jspecify.annotations.Nullable;

/**
 * The {@code daemoniker} command: {@code status}, {@code send}, {@code stop},
 * {@code force-stop} and {@code restart} for a daemon with a Daemoniker PID file, with
 * {@code --help} for each.
 * <p>
 * Exit codes follow LSB init scripts. {@code status}: 0 running, 1 stale PID file, 3 not
 * running, 4 PID file not trusted. The other verbs: 0 success (for {@code stop}, also a
 * daemon that was not running), 1 failure, 2 bad arguments, 7 not running (for
 * {@code send} and {@code restart}).
 */
public final class DaemonikerCli {

	static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(30);

	static final Duration DEFAULT_KILL_AFTER = Duration.ofSeconds(10);

	/** The signals named in messages; others exist, but these are the ones to use. */
	private static final String SUGGESTED_SIGNALS = "HUP, INT, QUIT, TERM, USR1";

	private static final String OVERVIEW = String.join(System.lineSeparator(),
			"usage: daemoniker <command> <pid-file> [options]", "",
			"  status      whether the daemon runs, with its PID, start time (UTC) and uptime",
			"  send        sends a signal: daemoniker send <pid-file> HUP",
			"  stop        sends TERM and waits until the daemon is gone",
			"  force-stop  sends TERM, then KILL if it is still running after a grace time",
			"  restart     stops the daemon and starts it again as it was started", "  --version   prints the version",
			"", "Run daemoniker <command> --help for a command's options and exit codes.");

	private static final Map<String, String> HELP = Map.of("status",
			String.join(System.lineSeparator(), "usage: daemoniker status <pid-file>", "",
					"Prints whether the daemon of the PID file runs; never signals anything.",
					"Exit codes (LSB): 0 running, 1 not running but a stale PID file is left,",
					"3 not running, 4 the PID file cannot be trusted (it names another process)."),
			"send",
			String.join(System.lineSeparator(), "usage: daemoniker send <pid-file> <signal>", "",
					"Sends a signal, by name (HUP, SIGHUP) or number, to the process that holds the",
					"PID file's lock, and to no other. QUIT makes the JVM print a thread dump to its",
					"standard output (the daemon's log file, or the journal).",
					"Exit codes: 0 sent, 1 refused or failed, 2 bad arguments, 7 not running."),
			"stop",
			String.join(System.lineSeparator(),
					"usage: daemoniker stop <pid-file> [--timeout DURATION] [--kill-after DURATION]", "",
					"Sends TERM and waits until the daemon has exited, " + DurationParser.format(DEFAULT_STOP_TIMEOUT)
							+ " at most (--timeout).",
					"With --kill-after, sends KILL once that time has passed after TERM, waits until the",
					"process is gone and removes the PID file it left.",
					"Exit codes (LSB): 0 stopped, or was not running; 1 still running, or the PID file",
					"cannot be trusted; 2 bad arguments.", "",
					"DURATION: 500ms, 10s, 2m, 1h, or plain seconds; at most "
							+ DurationParser.format(DurationParser.MAX) + "."),
			"force-stop",
			String.join(System.lineSeparator(), "usage: daemoniker force-stop <pid-file> [--kill-after DURATION]", "",
					"Sends TERM, then KILL if the daemon still runs after " + DurationParser.format(DEFAULT_KILL_AFTER)
							+ " (--kill-after), waits until",
					"the process is gone and removes the PID file it left. The same as stop --kill-after.",
					"Exit codes (LSB): 0 stopped, or was not running; 1 failed; 2 bad arguments."),
			"restart",
			String.join(System.lineSeparator(), "usage: daemoniker restart <pid-file> [--timeout DURATION]", "",
					"Reads how the running daemon was started (its command line, its launcher's working",
					"directory and its environment, from /proc), stops it as stop does (--timeout,",
					"default " + DurationParser.format(DEFAULT_STOP_TIMEOUT)
							+ "), then runs its launcher again and waits until the new",
					"daemon has confirmed its start-up. Linux only.",
					"Exit codes (LSB): 0 restarted, 1 failed, 2 bad arguments, 7 not running."));

	private final PrintStream out;

	private final PrintStream err;

	private final Progress progress;

	DaemonikerCli(PrintStream out, PrintStream err) {
		this(out, err, Progress.forTerminal(err));
	}

	DaemonikerCli(PrintStream out, PrintStream err, Progress progress) {
		this.out = out;
		this.err = err;
		this.progress = progress;
	}

	/**
	 * Runs the command and exits with its status.
	 * @param args the command line
	 */
	public static void main(String[] args) {
		// This JVM runs nothing but this command, so JNA may skip its library search.
		JnaLoading.ownJvm();
		System.exit(new DaemonikerCli(System.out, System.err).run(List.of(args)));
	}

	int run(List<String> args) {
		if (args.isEmpty()) {
			return usage("no command given");
		}
		String command = args.get(0);
		List<String> rest = args.subList(1, args.size());
		if ("-h".equals(command) || "--help".equals(command)) {
			this.out.println(OVERVIEW);
			return ExitCodes.OK;
		}
		if ("help".equals(command)) {
			return help(rest);
		}
		if ("--version".equals(command) && args.size() == 1) {
			this.out.println("daemoniker " + version());
			return ExitCodes.OK;
		}
		try {
			return switch (command) {
				case "status" -> status(rest);
				case "send" -> send(rest);
				case "stop" -> stop(rest);
				case "force-stop" -> forceStop(rest);
				case "restart" -> restart(rest);
				default -> usage("unknown command \"" + command + "\"; the commands are status, send, stop,"
						+ " force-stop and restart");
			};
		}
		catch (UsageException ex) {
			return usage(ex.getMessage());
		}
		catch (IllegalArgumentException ex) {
			// The core refuses a signal that a JVM cannot take, with the reason.
			this.err.println("daemoniker: " + ex.getMessage());
			return ExitCodes.USAGE;
		}
		catch (DaemonikerException ex) {
			this.err.println("daemoniker: " + ex.getMessage());
			return ExitCodes.FAILED;
		}
		catch (UnsatisfiedLinkError | NoClassDefFoundError ex) {
			if (!SignalPath.isJnaFailure(ex)) {
				throw ex;
			}
			// JNA, which every signal goes through, did not load: nothing was sent.
			this.err.println("daemoniker: nothing sent: cannot load JNA, which signals need (" + ex.getMessage()
					+ "); check the jna.* system properties given to this JVM and that JNA's temporary directory"
					+ " (jna.tmpdir, else java.io.tmpdir) lets programs run");
			return ExitCodes.FAILED;
		}
	}

	private int help(List<String> args) {
		if (args.isEmpty()) {
			this.out.println(OVERVIEW);
			return ExitCodes.OK;
		}
		String text = HELP.get(args.get(0));
		if (text == null) {
			return usage("no help for \"" + args.get(0) + "\"; the commands are status, send, stop, force-stop"
					+ " and restart");
		}
		this.out.println(text);
		return ExitCodes.OK;
	}

	/**
	 * Returns the version the build wrote into {@code version.properties}.
	 * @return the version, or {@code unknown} when the resource is missing
	 */
	static String version() {
		Properties properties = new Properties();
		try (InputStream in = DaemonikerCli.class.getResourceAsStream("version.properties")) {
			if (in != null) {
				properties.load(in);
			}
		}
		catch (IOException ex) {
			// Only a broken jar gets here; the version is then unknown, like a missing
			// one.
		}
		return properties.getProperty("version", "unknown");
	}

	private int status(List<String> args) {
		Arguments parsed = Arguments.parse(args, Set.of(), "status <pid-file>");
		if (parsed.help()) {
			return printHelp("status");
		}
		Path pidFile = pidFile(onlyPidFile(parsed, "status <pid-file>", 1).get(0));
		// What Daemoniker.status does, without initializing the facade, whose signal
		// tables a status never needs: a status should cost little more than a JVM start.
		DaemonStatus status = new PidFileInspector(Platform.current()).inspect(pidFile);
		if (status.isRunning()) {
			this.out.println(status.description() + since(status.pid().getAsLong()));
		}
		else {
			this.err.println(status.description());
		}
		return status.state().lsbExitCode();
	}

	private int send(List<String> args) {
		Arguments parsed = Arguments.parse(args, Set.of(), "send <pid-file> <signal>");
		if (parsed.help()) {
			return printHelp("send");
		}
		List<String> operands = onlyPidFile(parsed, "send <pid-file> <signal>", 2);
		Path pidFile = pidFile(operands.get(0));
		int signum = signal(operands.get(1));
		SendableSignals.refusal(signum).ifPresent((reason) -> {
			throw new UsageException(reason);
		});
		SignalPath.prepare(pidFile);
		DaemonStatus status = Daemoniker.status(pidFile);
		if (!status.isRunning()) {
			this.err.println("daemoniker: not sending SIG" + SignalNumbers.name(signum) + ": " + status.description());
			return (status.state() == DaemonStatus.State.UNTRUSTED) ? ExitCodes.FAILED : ExitCodes.NOT_RUNNING;
		}
		this.out.println(Daemoniker.send(pidFile, signum));
		return ExitCodes.OK;
	}

	private int stop(List<String> args) {
		String usage = "stop <pid-file> [--timeout DURATION] [--kill-after DURATION]";
		Arguments parsed = Arguments.parse(args, Set.of("--timeout", "--kill-after"), usage);
		if (parsed.help()) {
			return printHelp("stop");
		}
		Path pidFile = pidFile(onlyPidFile(parsed, usage, 1).get(0));
		Duration killAfter = duration(parsed, "--kill-after", null);
		Duration timeout = duration(parsed, "--timeout", null);
		if (killAfter != null && timeout != null) {
			throw new UsageException("give --timeout or --kill-after, not both: with --kill-after the wait after"
					+ " TERM is the kill-after time");
		}
		Duration wait = (killAfter != null) ? killAfter : (timeout != null) ? timeout : DEFAULT_STOP_TIMEOUT;
		return stopper().stop(pidFile, wait, killAfter != null).exitCode();
	}

	private int forceStop(List<String> args) {
		String usage = "force-stop <pid-file> [--kill-after DURATION]";
		Arguments parsed = Arguments.parse(args, Set.of("--kill-after"), usage);
		if (parsed.help()) {
			return printHelp("force-stop");
		}
		Path pidFile = pidFile(onlyPidFile(parsed, usage, 1).get(0));
		Duration grace = Objects.requireNonNull(duration(parsed, "--kill-after", DEFAULT_KILL_AFTER));
		return stopper().stop(pidFile, grace, true).exitCode();
	}

	private int restart(List<String> args) {
		String usage = "restart <pid-file> [--timeout DURATION]";
		Arguments parsed = Arguments.parse(args, Set.of("--timeout"), usage);
		if (parsed.help()) {
			return printHelp("restart");
		}
		Path pidFile = pidFile(onlyPidFile(parsed, usage, 1).get(0));
		Duration timeout = Objects.requireNonNull(duration(parsed, "--timeout", DEFAULT_STOP_TIMEOUT));
		return new RestartCommand(this.out, this.err, this.progress).restart(pidFile, timeout);
	}

	/**
	 * Reads a duration option, without lambdas: the JVM's first lambda starts its lambda
	 * machinery, which would cost every {@code stop} a good part of a JVM start.
	 */
	private static @Nullable Duration duration(Arguments parsed, String option, @Nullable Duration absent) {
		Optional<String> value = parsed.option(option);
		return value.isPresent() ? DurationParser.parse(value.get()) : absent;
	}

	private StopCommand stopper() {
		return new StopCommand(this.out, this.err, this.progress);
	}

	private int printHelp(String verb) {
		this.out.println(HELP.get(verb));
		return ExitCodes.OK;
	}

	/**
	 * Says since when a process runs, as {@code ps} and {@code systemctl status} do, in
	 * UTC: the local zone's rules and its name would cost a status about half a JVM start
	 * more ({@code tzdb.dat} and the locale's time zone names).
	 */
	private static String since(long pid) {
		Optional<Instant> start = Processes.startInstant(pid);
		if (start.isEmpty()) {
			return "";
		}
		Instant now = Instant.now();
		Duration uptime = Duration.between(start.get(), now).truncatedTo(ChronoUnit.SECONDS);
		return ", started " + utc(start.get()) + ", up " + uptime(uptime);
	}

	/**
	 * Formats an instant as {@code 2026-12-01 14:20:34 UTC}.
	 */
	static String utc(Instant instant) {
		LocalDateTime time = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
		return time.getYear() + "-" + twoDigits(time.getMonthValue()) + "-" + twoDigits(time.getDayOfMonth()) + " "
				+ twoDigits(time.getHour()) + ":" + twoDigits(time.getMinute()) + ":" + twoDigits(time.getSecond())
				+ " UTC";
	}

	private static String twoDigits(int value) {
		return (value < 10) ? "0" + value : Integer.toString(value);
	}

	static String uptime(Duration uptime) {
		long seconds = Math.max(0, uptime.toSeconds());
		long days = seconds / 86400;
		long hours = (seconds % 86400) / 3600;
		long minutes = (seconds % 3600) / 60;
		StringBuilder text = new StringBuilder();
		if (days > 0) {
			text.append(days).append("d ");
		}
		if (days > 0 || hours > 0) {
			text.append(hours).append("h ");
		}
		if (days > 0 || hours > 0 || minutes > 0) {
			text.append(minutes).append("min ");
		}
		return text.append(seconds % 60).append('s').toString();
	}

	private static List<String> onlyPidFile(Arguments parsed, String usage, int count) {
		if (parsed.operands().size() != count) {
			throw new UsageException("expected: daemoniker " + usage);
		}
		return parsed.operands();
	}

	private static Path pidFile(String value) {
		if (value.isBlank()) {
			throw new UsageException("the PID file path is empty");
		}
		return Path.of(value);
	}

	static int signal(String value) {
		if (!value.isEmpty() && value.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			String digits = value.replaceFirst("^0+(?=.)", "");
			int signum = (digits.length() <= 2) ? Integer.parseInt(digits) : -1;
			if (signum < 1 || signum > 64) {
				throw new UsageException("signal number " + value + " is out of range; use 1 to 64");
			}
			return signum;
		}
		if (value.chars().anyMatch(Character::isDigit) && value.chars().noneMatch(Character::isLetter)) {
			throw new UsageException("signal \"" + value + "\" is not a number in ASCII digits (0-9) nor a name;"
					+ " use a number or a name such as " + SUGGESTED_SIGNALS);
		}
		return SignalNumbers.number(value)
			.orElseThrow(() -> new UsageException(
					"unknown signal \"" + value + "\"; use a number or a name such as " + SUGGESTED_SIGNALS));
	}

	private int usage(String message) {
		this.err.println("daemoniker: " + message + " (see daemoniker --help)");
		return ExitCodes.USAGE;
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
