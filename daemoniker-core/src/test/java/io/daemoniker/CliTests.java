/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
	void stopWhenStoppedOrStale() {
		Result stopped = cli("stop", this.pidFile.toString());
		assertThat(stopped.exitCode()).isEqualTo(3);
		assertThat(stopped.stderr()).contains("nothing to stop").contains("not running");
		long pid = start();
		Daemons.kill(pid, "KILL");
		Daemons.awaitGone(pid);
		Result stale = cli("stop", this.pidFile.toString());
		assertThat(stale.exitCode()).isEqualTo(1);
		assertThat(stale.stderr()).contains("stale PID file");
	}

	@Test
	void stopOfADaemonThatIgnoresTermFailsAtTheTimeout() {
		long pid = start("-Dtest.ignore=TERM");
		Result stop = cli("stop", this.pidFile.toString(), "--timeout", "700ms");
		assertThat(stop.exitCode()).isEqualTo(1);
		assertThat(stop.stderr()).contains("still running (pid " + pid + ") 700ms after SIGTERM");
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
		assertThat(cli("--help").stdout()).contains("usage: daemoniker status <pid-file>");
	}

	@Test
	void sendRefusesAGarbledPidFileWithItsPath() throws IOException {
		Files.writeString(this.pidFile, "not a pid\n");
		Result send = cli("send", this.pidFile.toString(), "TERM");
		// Not a stale PID file either: a start refuses it, so it is not trusted.
		assertThat(send.exitCode()).isEqualTo(4);
		assertThat(send.stderr()).contains("not sending SIGTERM").contains(this.pidFile.toString());
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
