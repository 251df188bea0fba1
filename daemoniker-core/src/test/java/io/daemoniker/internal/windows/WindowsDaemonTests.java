/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.windows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.daemoniker.DaemonStatus;
import io.daemoniker.Daemoniker;
import io.daemoniker.SIGHUP;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Real daemons on Windows: started through {@code javaw.exe}, signalled through their
 * sentinels, stopped in an orderly way, and driven by the command-line tool. Written to
 * run unchanged on a Windows runner; no such runner has run them yet.
 */
@EnabledOnOs(OS.WINDOWS)
class WindowsDaemonTests {

	private static final String CLASSPATH = System.getProperty("daemoniker.test.classpath",
			System.getProperty("java.class.path"));

	private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java.exe").toString();

	private static final Pattern DAEMON_PID = Pattern.compile("daemon started pid=(\\d+)");

	@TempDir
	Path directory;

	private final List<Long> daemons = new ArrayList<>();

	@AfterEach
	void tearDown() {
		for (long pid : this.daemons) {
			ProcessHandle.of(pid).ifPresent((daemon) -> {
				daemon.descendants().forEach(ProcessHandle::destroyForcibly);
				daemon.destroyForcibly();
			});
		}
	}

	@Test
	void daemonRunsUnderJavawDetachedAndPublishesASentinel() {
		Path pidFile = this.directory.resolve("app.pid");
		Path log = this.directory.resolve("app.log");
		Result launcher = launch(pidFile, log);
		assertThat(launcher.exitCode()).as(launcher.toString()).isZero();
		long daemon = daemonPid(log);
		ProcessHandle handle = ProcessHandle.of(daemon).orElseThrow();
		assertThat(handle.info().command())
			.hasValueSatisfying((command) -> assertThat(command.toLowerCase(Locale.ROOT)).endsWith("javaw.exe"));
		assertThat(handle.parent().map(ProcessHandle::pid)).isNotEqualTo(Optional.of(launcher.pid()));
		awaitLog(log, "signals started");
		long sentinel = firstLine(pidFile);
		assertThat(sentinel).isNotEqualTo(daemon);
		assertThat(ProcessHandle.of(sentinel).flatMap(ProcessHandle::parent).map(ProcessHandle::pid)).hasValue(daemon);
		DaemonStatus status = Daemoniker.status(pidFile);
		assertThat(status.isRunning()).as(status.description()).isTrue();
		assertThat(status.pid()).hasValue(sentinel);
		assertThat(read(log)).contains("cwd=" + this.directory);
	}

	@Test
	void signalReachesItsHandlerAndANewSentinelIsPublished() {
		Path pidFile = this.directory.resolve("app.pid");
		Path log = this.directory.resolve("app.log");
		assertThat(launch(pidFile, log, "-Dtest.handle=HUP,USR1").exitCode()).isZero();
		awaitLog(log, "signals started");
		long sentinel = firstLine(pidFile);
		Daemoniker.send(pidFile, SIGHUP.class);
		awaitLog(log, "handled SIGHUP");
		await().atMost(Duration.ofSeconds(30)).until(() -> firstLine(pidFile) != sentinel);
		Daemoniker.send(pidFile, "USR1");
		awaitLog(log, "handled SIGUSR1");
	}

	/**
	 * NTFS leaves the modification time of the open PID file alone: sentinels started
	 * long after the file was created must still be trusted, on every send.
	 */
	@Test
	void sentinelsStartedLongAfterTheFileWasCreatedStillReceiveSignals() throws Exception {
		Path pidFile = this.directory.resolve("app.pid");
		Path log = this.directory.resolve("app.log");
		assertThat(launch(pidFile, log, "-Dtest.handle=HUP").exitCode()).isZero();
		awaitLog(log, "signals started");
		Instant created = Files.getLastModifiedTime(pidFile).toInstant();
		await().atMost(Duration.ofSeconds(30)).until(() -> Instant.now().isAfter(created.plusSeconds(3)));
		for (int i = 1; i <= 3; i++) {
			Daemoniker.send(pidFile, "HUP");
			int handled = i;
			await().atMost(Duration.ofSeconds(30))
				.until(() -> read(log).split("handled SIGHUP", -1).length - 1 == handled);
		}
	}

	@Test
	void signalsSentWhileAHandlerRunsAreAllHandled() {
		Path pidFile = this.directory.resolve("app.pid");
		Path log = this.directory.resolve("app.log");
		assertThat(launch(pidFile, log, "-Dtest.handle=HUP", "-Dtest.handlerMs=2000").exitCode()).isZero();
		awaitLog(log, "signals started");
		for (int i = 0; i < 3; i++) {
			Daemoniker.send(pidFile, "HUP");
		}
		await().atMost(Duration.ofSeconds(60)).until(() -> read(log).split("handled SIGHUP", -1).length - 1 == 3);
	}

	@Test
	void stopEndsTheDaemonInAnOrderlyWay() {
		Path pidFile = this.directory.resolve("app.pid");
		Path log = this.directory.resolve("app.log");
		assertThat(launch(pidFile, log).exitCode()).isZero();
		awaitLog(log, "signals started");
		long daemon = daemonPid(log);
		assertThat(Daemoniker.stop(pidFile, Duration.ofSeconds(30))).isTrue();
		await().atMost(Duration.ofSeconds(30)).until(() -> ProcessHandle.of(daemon).isEmpty());
		assertThat(read(log)).contains("shutdown hook ran");
		assertThat(pidFile).doesNotExist();
	}

	@Test
	void commandLineToolReportsSendsAndStops() {
		Path pidFile = this.directory.resolve("app.pid");
		Path log = this.directory.resolve("app.log");
		assertThat(launch(pidFile, log, "-Dtest.handle=HUP").exitCode()).isZero();
		awaitLog(log, "signals started");
		long daemon = daemonPid(log);
		assertThat(cli("status", pidFile.toString()).exitCode()).isZero();
		Result send = cli("send", pidFile.toString(), "HUP");
		assertThat(send.exitCode()).as(send.toString()).isZero();
		awaitLog(log, "handled SIGHUP");
		Result stop = cli("stop", pidFile.toString());
		assertThat(stop.exitCode()).as(stop.toString()).isZero();
		assertThat(ProcessHandle.of(daemon).map(ProcessHandle::isAlive).orElse(false)).isFalse();
		assertThat(cli("status", pidFile.toString()).exitCode()).isEqualTo(3);
	}

	@Test
	void killedDaemonLeavesAStaleFileThatTheNextStartReclaims() {
		Path pidFile = this.directory.resolve("app.pid");
		Path log = this.directory.resolve("app.log");
		assertThat(launch(pidFile, log).exitCode()).isZero();
		awaitLog(log, "signals started");
		long daemon = daemonPid(log);
		ProcessHandle.of(daemon).orElseThrow().destroyForcibly();
		await().atMost(Duration.ofSeconds(30)).until(() -> ProcessHandle.of(daemon).isEmpty());
		assertThat(Daemoniker.status(pidFile).state()).isEqualTo(DaemonStatus.State.STALE);
		Path secondLog = this.directory.resolve("second.log");
		Result second = launch(pidFile, secondLog);
		assertThat(second.exitCode()).as(second.toString()).isZero();
		assertThat(daemonPid(secondLog)).isNotEqualTo(daemon);
	}

	/**
	 * The JDK hands {@code FileDescriptor.out} to children started with inherited
	 * streams: it must be the log file, not a pipe to the launcher that is gone.
	 */
	@Test
	void childStartedWithInheritedStreamsAfterTheLauncherExitedWritesToTheLog() throws Exception {
		Path pidFile = this.directory.resolve("app.pid");
		Path log = this.directory.resolve("app.log");
		Path trigger = this.directory.resolve("start-child");
		Result launcher = launch(pidFile, log, "-Dtest.inheritingChildAfter=" + trigger);
		assertThat(launcher.exitCode()).as(launcher.toString()).isZero();
		awaitLog(log, "signals started");
		Files.writeString(trigger, "go");
		awaitLog(log, "child ended exit=0");
		assertThat(read(log)).contains("inherited child output");
	}

	/**
	 * A launch request larger than a pipe's buffer, to a daemon that never reads it: the
	 * launcher must still watch the success timeout, and stop the daemon.
	 */
	@Test
	void largeRequestToADaemonThatNeverReadsItEndsAtTheSuccessTimeout() {
		Path pidFile = this.directory.resolve("app.pid");
		Path log = this.directory.resolve("app.log");
		Result launcher = launch(pidFile, log, "-Dtest.bigArgChars=200000", "-Dtest.daemonDelayMs=600000",
				"-Dtest.timeoutMs=3000");
		Matcher stopped = Pattern.compile("\\(pid (\\d+)\\)").matcher(launcher.stderr());
		if (stopped.find()) {
			this.daemons.add(Long.parseLong(stopped.group(1)));
		}
		assertThat(launcher.exitCode()).isNotZero();
		assertThat(launcher.stderr()).contains("did not confirm its start-up within 3 s");
		assertThat(pidFile).doesNotExist();
	}

	@Test
	void daemonThatFailsBeforeConfirmingMakesTheLauncherFailWithItsMessage() {
		Path pidFile = this.directory.resolve("app.pid");
		Path log = this.directory.resolve("app.log");
		Result launcher = launch(pidFile, log, "-Dtest.failInDaemon=true");
		assertThat(launcher.exitCode()).isNotZero();
		assertThat(launcher.stderr()).contains("boom before daemonize in the daemon");
		assertThat(pidFile).doesNotExist();
	}

	private Result launch(Path pidFile, Path log, String... properties) {
		List<String> command = new ArrayList<>(List.of(JAVA));
		command.addAll(List.of(properties));
		command.addAll(
				List.of("-cp", CLASSPATH, "io.daemoniker.testapp.TestDaemonApp", pidFile.toString(), log.toString()));
		Result result = run(command);
		Matcher matcher = DAEMON_PID.matcher(read(log));
		if (matcher.find()) {
			this.daemons.add(Long.parseLong(matcher.group(1)));
		}
		return result;
	}

	private Result cli(String... args) {
		List<String> command = new ArrayList<>(List.of(JAVA, "-cp", CLASSPATH, "io.daemoniker.cli.DaemonikerCli"));
		command.addAll(List.of(args));
		return run(command);
	}

	private Result run(List<String> command) {
		try {
			Process process = new ProcessBuilder(command).directory(this.directory.toFile()).start();
			process.getOutputStream().close();
			CompletableFuture<String> out = drain(process.getInputStream());
			CompletableFuture<String> err = drain(process.getErrorStream());
			if (!process.waitFor(90, TimeUnit.SECONDS)) {
				process.descendants().forEach(ProcessHandle::destroyForcibly);
				process.destroyForcibly();
				throw new AssertionError("did not end within 90 s: " + command);
			}
			return new Result(process.pid(), process.exitValue(), out.get(10, TimeUnit.SECONDS),
					err.get(10, TimeUnit.SECONDS));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static CompletableFuture<String> drain(java.io.InputStream stream) {
		return CompletableFuture.supplyAsync(() -> {
			try {
				return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				return "";
			}
		});
	}

	private long daemonPid(Path log) {
		awaitLog(log, "daemon started pid=");
		Matcher matcher = DAEMON_PID.matcher(read(log));
		assertThat(matcher.find()).isTrue();
		long pid = Long.parseLong(matcher.group(1));
		if (!this.daemons.contains(pid)) {
			this.daemons.add(pid);
		}
		return pid;
	}

	private static void awaitLog(Path log, String text) {
		await().atMost(Duration.ofSeconds(60)).until(() -> read(log).contains(text));
	}

	/**
	 * The PID on the first line; the second records when that process started.
	 */
	private static long firstLine(Path pidFile) {
		return Long.parseLong(read(pidFile).lines().findFirst().orElse("").trim());
	}

	private static String read(Path file) {
		try {
			return Files.exists(file) ? Files.readString(file) : "";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private record Result(long pid, int exitCode, String stdout, String stderr) {
	}

}
