/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.daemoniker.support.Daemons;
import io.daemoniker.support.Daemons.Result;
import io.daemoniker.support.Proc;
import io.daemoniker.support.RealDaemonTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command-line tool, run as its own JVM, against real daemons: the start/stop/status
 * matrix of an init script, and its answers to bad input.
 */
@EnabledOnOs(OS.LINUX)
class CliTests extends RealDaemonTests {

	@Test
	void statusWhenRunningStoppedAndKilled() {
		Result notRunning = cli("status", this.pidFile.toString());
		assertThat(notRunning.exitCode()).isEqualTo(3);
		assertThat(notRunning.stderr()).contains("not running").contains(this.pidFile.toString());
		long pid = start();
		Result running = cli("status", this.pidFile.toString());
		assertThat(running.exitCode()).isZero();
		assertThat(running.stdout()).contains("running (pid " + pid + ")");
		Daemons.kill(pid, "KILL");
		Daemons.awaitGone(pid);
		Result stale = cli("status", this.pidFile.toString());
		assertThat(stale.exitCode()).isEqualTo(1);
		assertThat(stale.stderr()).contains("stale PID file (pid " + pid + ")");
	}

	@Test
	void sendByNameWithAndWithoutPrefixAndByNumber() {
		start("-Dtest.handle=HUP,USR1,INT");
		assertThat(cli("send", this.pidFile.toString(), "HUP").exitCode()).isZero();
		Daemons.awaitLog(this.log, "handled SIGHUP");
		assertThat(cli("send", this.pidFile.toString(), "sigusr1").exitCode()).isZero();
		Daemons.awaitLog(this.log, "handled SIGUSR1");
		Result byNumber = cli("send", this.pidFile.toString(), Integer.toString(SIGINT.SIGNUM));
		assertThat(byNumber.exitCode()).isZero();
		assertThat(byNumber.stdout()).contains("sent SIGINT");
		Daemons.awaitLog(this.log, "handled SIGINT");
	}

	@Test
	void stopWhenRunningWaitsUntilTheDaemonIsGone() {
		long pid = start();
		Result stop = cli("stop", this.pidFile.toString(), "--timeout", "30s");
		assertThat(stop.exitCode()).as(stop.toString()).isZero();
		assertThat(stop.stdout()).contains("stopped (pid " + pid + ")");
		assertThat(Proc.isGone(pid)).isTrue();
		assertThat(this.pidFile).doesNotExist();
		assertThat(Daemons.read(this.log)).contains("shutdown hook ran");
	}

	@Test
	void stopWhenStoppedOrStaleSucceedsAsLsbSays() {
		Result stopped = cli("stop", this.pidFile.toString());
		assertThat(stopped.exitCode()).as(stopped.toString()).isZero();
		assertThat(stopped.stdout()).contains("not running").contains(this.pidFile.toString());
		assertThat(stopped.stderr()).isEmpty();
		long pid = start();
		Daemons.kill(pid, "KILL");
		Daemons.awaitGone(pid);
		Result stale = cli("stop", this.pidFile.toString());
		assertThat(stale.exitCode()).as(stale.toString()).isZero();
		assertThat(stale.stdout()).contains("not running, stale PID file (pid " + pid + ")");
		// A plain stop leaves the stale file to the next start, which reclaims it.
		assertThat(this.pidFile).exists();
	}

	@Test
	void stopOfADaemonThatIgnoresTermFailsAtTheTimeout() {
		long pid = start("-Dtest.ignore=TERM");
		Result stop = cli("stop", this.pidFile.toString(), "--timeout", "700ms");
		assertThat(stop.exitCode()).isEqualTo(1);
		assertThat(stop.stderr()).contains("still running (pid " + pid + ") 700ms after SIGTERM", "--kill-after");
		assertThat(Proc.isGone(pid)).isFalse();
	}

	@Test
	void startWhenStartedAndStartAfterStop() {
		long first = start();
		Result again = this.daemons.launch(this.pidFile, this.log);
		assertThat(again.exitCode()).isNotZero();
		assertThat(again.stderr()).contains("already running (pid " + first + ")");
		assertThat(cli("stop", this.pidFile.toString()).exitCode()).isZero();
		long second = start();
		assertThat(second).isNotEqualTo(first);
	}

	@Test
	void usageErrorsExitWithTwoAndOneLine() {
		List<List<String>> bad = List.of(List.of(), List.of("frobnicate", "x.pid"), List.of("status"),
				List.of("send", this.pidFile.toString()), List.of("send", this.pidFile.toString(), "NOPE"),
				List.of("send", this.pidFile.toString(), "99"),
				List.of("stop", this.pidFile.toString(), "--timeout", "soon"),
				List.of("stop", this.pidFile.toString(), "--timeout", "0"), List.of("status", ""));
		for (List<String> args : bad) {
			Result result = cli(args.toArray(new String[0]));
			assertThat(result.exitCode()).as(args.toString()).isEqualTo(2);
			assertThat(result.stderr().strip().lines().count()).as(args + ": " + result.stderr()).isEqualTo(1);
			assertThat(result.stdout()).isEmpty();
		}
		assertThat(cli("--help").stdout()).contains("usage: daemoniker <command> <pid-file>", "force-stop", "restart");
	}

	@Test
	void sendRefusesAGarbledPidFileWithItsPath() throws IOException {
		Files.writeString(this.pidFile, "not a pid\n");
		Result send = cli("send", this.pidFile.toString(), "TERM");
		// Not a stale PID file either: a start refuses it, so it is not trusted, which is
		// a failure (1), not "not running" (7).
		assertThat(send.exitCode()).isEqualTo(1);
		assertThat(send.stderr()).contains("not sending SIGTERM").contains(this.pidFile.toString());
	}

	@Test
	void statusShowsPidStartTimeAndUptime() {
		long pid = start();
		Result status = cli("status", this.pidFile.toString());
		assertThat(status.exitCode()).as(status.toString()).isZero();
		assertThat(status.stdout().strip())
			.matches("running \\(pid " + pid + "\\): " + Pattern.quote(this.pidFile.toString())
					+ ", started \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d \\S+, up (\\d+min )?\\d+s");
	}

	@Test
	void forceStopOfADaemonThatIgnoresTermKillsItAndRemovesItsPidFile() {
		long pid = start("-Dtest.ignore=TERM");
		Result stop = cli("force-stop", this.pidFile.toString(), "--kill-after", "700ms");
		assertThat(stop.exitCode()).as(stop.toString()).isZero();
		assertThat(stop.stdout().strip()).isEqualTo(
				"killed (pid " + pid + ") with SIGKILL, 700ms after SIGTERM; removed its PID file " + this.pidFile);
		assertThat(Proc.isGone(pid)).isTrue();
		assertThat(this.pidFile).doesNotExist();
		assertThat(cli("status", this.pidFile.toString()).exitCode()).isEqualTo(3);
	}

	@Test
	void stopWithKillAfterOfADaemonThatStopsInTimeNeedsNoKill() {
		long pid = start();
		Result stop = cli("stop", this.pidFile.toString(), "--kill-after=20s");
		assertThat(stop.exitCode()).as(stop.toString()).isZero();
		assertThat(stop.stdout().strip()).isEqualTo("stopped (pid " + pid + ")");
		assertThat(Daemons.read(this.log)).contains("shutdown hook ran");
	}

	@Test
	void stopWithKillAfterOfADaemonThatIgnoresTermKillsIt() {
		long pid = start("-Dtest.ignore=TERM");
		Result stop = cli("stop", this.pidFile.toString(), "--kill-after", "500ms");
		assertThat(stop.exitCode()).as(stop.toString()).isZero();
		assertThat(stop.stdout()).contains("killed (pid " + pid + ") with SIGKILL, 500ms after SIGTERM");
		assertThat(Proc.isGone(pid)).isTrue();
		assertThat(this.pidFile).doesNotExist();
	}

	@Test
	void restartStartsTheSameCommandLineInTheSameDirectoryWithTheSameEnvironment() throws IOException {
		// Relative paths and a changed directory: only the launcher's own directory makes
		// app.pid and app.log mean the files of this test.
		List<String> command = new ArrayList<>(
				List.of("env", "CLI_RESTART_CHECK=kept value", Daemons.JAVA, this.daemons.marker(), "-Dtest.chdir=/",
						"-cp", Daemons.CLASSPATH, Daemons.APP, "app.pid", "app.log", "first arg", "second"));
		Result launcher = this.daemons.run(command, this.directory);
		assertThat(launcher.exitCode()).as(launcher.toString()).isZero();
		long first = Daemons.pidIn(this.pidFile);
		Result restart = cli("restart", this.pidFile.toString());
		assertThat(restart.exitCode()).as(restart.toString()).isZero();
		long second = Daemons.pidIn(this.pidFile);
		assertThat(second).isNotEqualTo(first);
		assertThat(Proc.isGone(first)).isTrue();
		assertThat(restart.stdout()).contains("stopped (pid " + first + ")",
				"restarted (pid " + first + " -> " + second + ")");
		Daemons.awaitLog(this.log, "daemon started pid=" + second);
		assertThat(Daemons.read(this.log)).contains("args=[first arg, second]\n").contains("cwd=/\n");
		assertThat(Daemons.read(this.log).split("args=\\[first arg, second]", -1)).hasSize(3);
		List<String> environment = List
			.of(new String(Files.readAllBytes(Path.of("/proc", Long.toString(second), "environ")),
					StandardCharsets.UTF_8)
				.split("\0"));
		assertThat(environment).contains("CLI_RESTART_CHECK=kept value");
		assertThat(Proc.cwd(second)).isEqualTo("/");
	}

	@Test
	void restartOrSendWhenNotRunningExitsWithSeven() {
		Result restart = cli("restart", this.pidFile.toString());
		assertThat(restart.exitCode()).as(restart.toString()).isEqualTo(7);
		assertThat(restart.stderr()).contains("not restarting", "not running", this.pidFile.toString());
		Result send = cli("send", this.pidFile.toString(), "HUP");
		assertThat(send.exitCode()).as(send.toString()).isEqualTo(7);
		assertThat(send.stderr()).contains("not sending SIGHUP", "not running");
	}

	@Test
	void everyCommandHasHelpAndHelpIsNeverTakenForAPidFile() {
		for (String verb : List.of("status", "send", "stop", "force-stop", "restart")) {
			for (List<String> args : List.of(List.of(verb, "--help"), List.of(verb, "-h"), List.of("help", verb),
					List.of(verb, this.pidFile.toString(), "--help"))) {
				Result help = cli(args.toArray(new String[0]));
				assertThat(help.exitCode()).as(args + ": " + help).isZero();
				assertThat(help.stdout()).as(args.toString()).startsWith("usage: daemoniker " + verb + " ");
				assertThat(help.stderr()).isEmpty();
			}
		}
		assertThat(this.directory.resolve("--help")).doesNotExist();
		// After --, it is a path like any other.
		Result literal = cli("status", "--", "--help");
		assertThat(literal.exitCode()).isEqualTo(3);
		assertThat(literal.stderr()).contains("no PID file at");
	}

	@Test
	void badValuesAreNamedWithTheLimitOrTheRule() {
		Result tooLong = cli("stop", this.pidFile.toString(), "--timeout", "9999999999");
		assertThat(tooLong.exitCode()).isEqualTo(2);
		assertThat(tooLong.stderr()).contains("\"9999999999\"", "longer than the limit of 24h")
			.doesNotContain("invalid duration");
		Result arabicDigit = cli("send", this.pidFile.toString(), "\u0661");
		assertThat(arabicDigit.exitCode()).isEqualTo(2);
		assertThat(arabicDigit.stderr()).contains("ASCII digits");
		Result fullWidth = cli("stop", this.pidFile.toString(), "--timeout", "\uff11\uff10s");
		assertThat(fullWidth.exitCode()).isEqualTo(2);
		Result unknown = cli("send", this.pidFile.toString(), "FROB");
		assertThat(unknown.exitCode()).isEqualTo(2);
		assertThat(unknown.stderr()).contains("HUP", "TERM").doesNotContain("USR2");
		Result both = cli("stop", this.pidFile.toString(), "--timeout", "5s", "--kill-after", "5s");
		assertThat(both.exitCode()).isEqualTo(2);
		Result unknownOption = cli("stop", this.pidFile.toString(), "--force");
		assertThat(unknownOption.exitCode()).isEqualTo(2);
		assertThat(unknownOption.stderr()).contains("unknown option \"--force\"");
	}

	@Test
	void onATerminalStopSaysWhatItWaitsForAndOffATerminalNothing() {
		long pid = start("-Dtest.ignore=TERM");
		Result quiet = cli("stop", this.pidFile.toString(), "--timeout", "300ms");
		assertThat(quiet.stderr().strip().lines()).hasSize(1).allMatch((line) -> line.contains("still running"));
		assertThat(quiet.stdout()).isEmpty();
		String commandLine = String.join(" ", Daemons.JAVA, "-cp", Daemons.CLASSPATH, "io.daemoniker.cli.DaemonikerCli",
				"stop", this.pidFile.toString(), "--timeout", "300ms");
		Result terminal = this.daemons.run(List.of("script", "-qec", commandLine, "/dev/null"), this.directory);
		assertThat(terminal.stdout()).contains("sent SIGTERM to pid " + pid + ", waiting up to 300ms for it to exit",
				"still running (pid " + pid + ")");
	}

	@Test
	void whenJnaCannotLoadStopSendAndForceStopSayWhyInOneLineAndSignalNothing() {
		long pid = start("-Dtest.handle=HUP");
		// Two ways a JVM's options keep JNA's native library from loading: no copy to
		// be found, and a temporary directory that cannot hold one.
		List<List<String>> breakages = List.of(List.of("-Djna.nounpack=true", "-Djna.nosys=true"),
				List.of("-Djna.tmpdir=/proc"));
		List<String> reasons = List.of("Could not find JNA native support", "Failed to create temporary file");
		for (int i = 0; i < breakages.size(); i++) {
			String reason = reasons.get(i);
			for (List<String> command : List.of(List.of("stop", this.pidFile.toString()),
					List.of("send", this.pidFile.toString(), "HUP"),
					List.of("force-stop", this.pidFile.toString(), "--kill-after", "1s"))) {
				List<String> line = new ArrayList<>(List.of(Daemons.JAVA));
				line.addAll(breakages.get(i));
				line.addAll(List.of("-cp", Daemons.CLASSPATH, "io.daemoniker.cli.DaemonikerCli"));
				line.addAll(command);
				Result result = this.daemons.run(line, this.directory);
				assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
				assertThat(result.stderr().strip().lines()).as(result.toString())
					.singleElement()
					.satisfies((message) -> assertThat(message).startsWith("daemoniker: nothing sent: cannot load JNA")
						.contains(reason));
				assertThat(Proc.isGone(pid)).as("the daemon after " + command).isFalse();
			}
		}
		assertThat(Daemons.read(this.log)).doesNotContain("handled SIGHUP");
		assertThat(Daemons.pidIn(this.pidFile)).isEqualTo(pid);
	}

	private long start(String... properties) {
		Result launcher = this.daemons.launch(this.pidFile, this.log, properties);
		assertThat(launcher.exitCode()).as(launcher.toString()).isZero();
		Daemons.awaitLog(this.log, "signals started");
		return Daemons.pidIn(this.pidFile);
	}

	private Result cli(String... args) {
		List<String> command = new ArrayList<>(
				List.of(Daemons.JAVA, "-cp", Daemons.CLASSPATH, "io.daemoniker.cli.DaemonikerCli"));
		command.addAll(List.of(args));
		return this.daemons.run(command, this.directory);
	}

}
