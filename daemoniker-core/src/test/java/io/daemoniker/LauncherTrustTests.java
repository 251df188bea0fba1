/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.daemoniker.support.Daemons;
import io.daemoniker.support.Daemons.Result;
import io.daemoniker.support.RealDaemonTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The launcher's wait holds under faults: arguments larger than a pipe's buffer, a daemon
 * that hangs, dies after redirecting its output or never confirms, a launcher interrupted
 * by Ctrl-C or TERM at several moments, and arguments beyond the limits. Each case
 * asserts the launcher's exit status and message, that no process of the test is left and
 * that no PID file is left.
 */
@EnabledOnOs(OS.LINUX)
class LauncherTrustTests extends RealDaemonTests {

	private static final int MEGABYTE = 1024 * 1024;

	@ParameterizedTest
	@ValueSource(ints = { MEGABYTE, 10 * MEGABYTE })
	void largeArgumentsToADaemonThatHangsBeforeDaemonizeCannotHangTheLauncher(int size) {
		Result launcher = this.daemons.launch(this.pidFile, this.log, "-Dtest.bigArgChars=" + size,
				"-Dtest.daemonDelayMs=600000", "-Dtest.timeoutMs=3000");
		assertFailedCleanly(launcher);
		assertThat(launcher.stderr()).contains("did not confirm its start-up within 3 s").contains("was stopped");
	}

	@Test
	void throughPosixSpawnTooALargeArgumentCannotHangTheLauncherAndCtrlCStillAborts() {
		Result launcher = this.daemons.launch(this.pidFile, this.log, "-Ddaemoniker.spawner=posix",
				"-Dtest.bigArgChars=" + 10 * MEGABYTE, "-Dtest.daemonDelayMs=600000", "-Dtest.timeoutMs=3000");
		assertFailedCleanly(launcher);
		assertThat(launcher.stderr()).contains("did not confirm its start-up within 3 s");
		Path mark = this.directory.resolve("daemon-ran");
		Process interrupted = startLauncher("-Ddaemoniker.spawner=posix", "-Dtest.daemonMark=" + mark,
				"-Dtest.daemonDelayMs=600000", "-Dtest.bigArgChars=" + 4 * MEGABYTE);
		await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(mark));
		Daemons.kill(interrupted.pid(), "INT");
		assertThat(exitOf(interrupted)).isEqualTo(130);
		assertThat(Daemons.read(this.directory.resolve("child-1.err")))
			.contains("start-up interrupted by SIGINT: stopped the starting daemon (pid ");
		assertNothingLeft();
	}

	@Test
	void aTenMegabyteArgumentReachesTheDaemonWhole() {
		Result launcher = this.daemons.launch(this.pidFile, this.log, "-Dtest.bigArgChars=" + 10 * MEGABYTE);
		assertThat(launcher.exitCode()).as(launcher.toString()).isZero();
		Daemons.awaitLog(this.log, "big arg received length=" + 10 * MEGABYTE);
		assertThat(Daemoniker.stop(this.pidFile, Duration.ofSeconds(60))).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "INT", "TERM" })
	void interruptedWhileTheDaemonInitialisesStopsItAndSaysSo(String signal) {
		Path mark = this.directory.resolve("daemon-ran");
		Process launcher = startLauncher("-Dtest.daemonMark=" + mark, "-Dtest.daemonDelayMs=600000");
		await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(mark));
		assertInterruptedCleanly(launcher, signal, "stopped the starting daemon (pid ");
	}

	@ParameterizedTest
	@ValueSource(strings = { "INT", "TERM" })
	void interruptedWhileALargeRequestIsStillUnreadStopsTheDaemon(String signal) {
		Path mark = this.directory.resolve("daemon-ran");
		Process launcher = startLauncher("-Dtest.daemonMark=" + mark, "-Dtest.daemonDelayMs=600000",
				"-Dtest.bigArgChars=" + 4 * MEGABYTE);
		await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(mark));
		assertInterruptedCleanly(launcher, signal, "stopped the starting daemon (pid ");
	}

	@ParameterizedTest
	@ValueSource(strings = { "INT", "TERM" })
	void interruptedOnceTheDaemonHoldsItsPidFileRemovesIt(String signal) {
		Process launcher = startLauncher("-Dtest.manualReady=true");
		await().atMost(Duration.ofSeconds(60)).until(() -> Daemoniker.status(this.pidFile).isRunning());
		Daemons.awaitLog(this.log, "signals started");
		assertInterruptedCleanly(launcher, signal, "stopped the starting daemon (pid ");
		assertThat(errorsOf(launcher)).contains("removed its PID file " + this.pidFile);
	}

	@ParameterizedTest
	@ValueSource(strings = { "INT", "TERM" })
	void interruptedBeforeTheDaemonIsSpawnedStartsNothing(String signal) {
		Path mark = this.directory.resolve("daemon-ran");
		Process launcher = startLauncher("-Dtest.daemonMark=" + mark);
		Daemons.awaitLog(this.directory.resolve("child-0.out"), "launcher: set-up ran");
		Daemons.kill(launcher.pid(), signal);
		assertThat(exitOf(launcher)).isEqualTo(128 + signum(signal));
		assertNothingLeft();
	}

	@Test
	void aLauncherKilledWithKill9LeavesADaemonThatStartsAndStopsNormally() throws Exception {
		Path mark = this.directory.resolve("daemon-ran");
		Path latch = this.directory.resolve("daemon-may-go-on");
		Process launcher = startLauncher("-Dtest.daemonMark=" + mark, "-Dtest.daemonLatch=" + latch);
		await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(mark));
		Daemons.kill(launcher.pid(), "KILL");
		assertThat(exitOf(launcher)).isEqualTo(128 + 9);
		Files.createFile(latch);
		await().atMost(Duration.ofSeconds(60)).until(() -> Daemoniker.status(this.pidFile).isRunning());
		Daemons.awaitLog(this.log, "signals started");
		long daemon = Daemons.pidIn(this.pidFile);
		assertThat(Daemoniker.stop(this.pidFile, Duration.ofSeconds(60))).isTrue();
		assertThat(this.pidFile).doesNotExist();
		// The intermediate shell, left by the launcher, ends with the daemon.
		await().atMost(Duration.ofSeconds(60)).until(() -> this.daemons.liveProcesses().isEmpty());
		assertThat(daemon).isPositive();
	}

	@Test
	void aDaemonThatDiesAfterRedirectingWithoutItsHooksLeavesNoPidFileAndItsOutputIsShown() {
		Result launcher = this.daemons.launch(this.pidFile, this.log, "-Dtest.dieAfterDaemonize=halt");
		assertFailedCleanly(launcher);
		assertThat(launcher.stderr()).contains("exited before confirming its start-up")
			.contains("its last output in " + this.log)
			.contains("simulated fatal error: dying without shutdown hooks")
			.doesNotContain("printed nothing");
	}

	@Test
	void aDaemonThatRunsOutOfMemoryAfterRedirectingShowsTheError() {
		Result launcher = this.daemons.launch(this.pidFile, this.log, "-Dtest.dieAfterDaemonize=oom",
				"-Dtest.jvmOption=-Xmx16m");
		assertFailedCleanly(launcher);
		assertThat(launcher.stderr()).contains("exited before confirming its start-up")
			.contains("its last output in " + this.log)
			.contains("java.lang.OutOfMemoryError");
	}

	@Test
	void aDaemonThatCannotTakeItsPidFileIsOneLineInTheLauncherWithTheTraceInItsLog() throws Exception {
		Path mark = this.directory.resolve("daemon-ran");
		Path latch = this.directory.resolve("daemon-may-go-on");
		// The daemon takes its PID file itself here: where the shell takes it, it is the
		// daemon's before its JVM runs, and ShellPreparedStartTests covers that case.
		Process launcher = startLauncher("-Dtest.daemonMark=" + mark, "-Dtest.daemonLatch=" + latch,
				"-Dtest.plainDaemonize=true", "-Ddaemoniker.flock=none");
		await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(mark));
		// Another process takes the PID file after the launcher checked it and before the
		// daemon takes it.
		Process holder = this.daemons.startChild("io.daemoniker.testapp.LockHolderApp", List.of(),
				this.pidFile.toString(), "");
		Daemons.awaitLog(this.directory.resolve("child-1.out"), "locked");
		Files.createFile(latch);
		assertThat(exitOf(launcher)).isEqualTo(1);
		String errors = errorsOf(launcher);
		assertThat(errors).contains("failed to start")
			.contains(this.pidFile.toString())
			.contains("(stack trace in " + this.log + ")")
			.doesNotContain("\tat ");
		assertThat(Daemons.read(this.log)).contains("failed to start").contains("\tat io.daemoniker.");
		assertThat(this.daemons.liveProcesses()).as("only the other holder is left").containsExactly(holder.pid());
		assertThat(Files.readString(this.pidFile)).as("the other holder's PID file is untouched").isEmpty();
	}

	@Test
	void tooManyArgumentsAreRefusedBeforeASecondJvmStarts() {
		assertRefusedInTheLauncher(List.of("-Dtest.argCount=65537"), "65537 arguments cannot be passed");
	}

	@Test
	void anArgumentLargerThanTheLimitIsRefusedBeforeASecondJvmStarts() {
		assertRefusedInTheLauncher(List.of("-Dtest.bigArgChars=" + (64 * MEGABYTE + 1), "-Xmx1g"),
				"takes 67108865 bytes of UTF-8, more than the 67108864");
	}

	@Test
	void aLoneSurrogateIsRefusedBeforeASecondJvmStarts() {
		assertRefusedInTheLauncher(List.of("-Dtest.loneSurrogate=true"), "holds a lone surrogate, U+D800 at index 1");
	}

	private void assertRefusedInTheLauncher(List<String> properties, String message) {
		Path mark = this.directory.resolve("daemon-ran");
		List<String> all = new ArrayList<>(properties);
		all.add("-Dtest.daemonMark=" + mark);
		Result launcher = this.daemons.launch(this.pidFile, this.log, all.toArray(String[]::new));
		assertFailedCleanly(launcher);
		assertThat(launcher.stderr()).contains(message);
		assertThat(mark).as("no daemon JVM ran").doesNotExist();
	}

	private Process startLauncher(String... properties) {
		return this.daemons.startChild(Daemons.APP, List.of(properties), this.pidFile.toString(), this.log.toString());
	}

	private void assertInterruptedCleanly(Process launcher, String signal, String message) {
		Daemons.kill(launcher.pid(), signal);
		assertThat(exitOf(launcher)).as(errorsOf(launcher)).isEqualTo(128 + signum(signal));
		assertThat(errorsOf(launcher)).contains("daemoniker: start-up interrupted by SIG" + signal + ": " + message);
		assertNothingLeft();
	}

	private static int exitOf(Process launcher) {
		try {
			assertThat(launcher.waitFor(90, TimeUnit.SECONDS)).as("the launcher ended").isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		return launcher.exitValue();
	}

	private String errorsOf(Process launcher) {
		return Daemons.read(this.directory.resolve("child-0.err"));
	}

	private static int signum(String signal) {
		return signal.equals("INT") ? SIGINT.SIGNUM : SIGTERM.SIGNUM;
	}

	private void assertFailedCleanly(Result launcher) {
		assertThat(launcher.exitCode()).as(launcher.toString()).isNotZero();
		assertNothingLeft();
	}

	private void assertNothingLeft() {
		assertThat(this.daemons.liveProcesses()).as("processes left behind").isEmpty();
		assertThat(this.pidFile).doesNotExist();
	}

}
