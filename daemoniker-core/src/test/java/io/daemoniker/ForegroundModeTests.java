/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.daemoniker.support.DatagramReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Foreground mode and systemd notifications on real processes: the process that was
 * started is the one that holds the PID file and handles signals; under a
 * {@code Type=notify} unit (a fake {@code NOTIFY_SOCKET} bound by the test) it sends
 * {@code READY=1} and {@code STOPPING=1}, and a daemon sends {@code MAINPID=}.
 */
@EnabledOnOs(OS.LINUX)
class ForegroundModeTests {

	@TempDir
	Path directory;

	private final OpsProcesses processes = new OpsProcesses();

	@AfterEach
	void tearDown() {
		this.processes.close();
	}

	@Test
	void foregroundHoldsThePidFileAndHandlesSignals() throws Exception {
		Path pidFile = this.directory.resolve("app.pid");
		Path output = this.directory.resolve("console.log");
		Process process = startForeground(pidFile, output, Map.of(), "mode=foreground");
		awaitOutput(output, "started pid=" + process.pid());
		assertThat(Files.readString(pidFile).trim()).isEqualTo(Long.toString(process.pid()));
		assertThat(Daemoniker.status(pidFile).isRunning()).isTrue();
		Daemoniker.send(pidFile, "HUP");
		awaitOutput(output, "user HUP handler ran");
		Daemoniker.send(pidFile, "TERM");
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).isEqualTo(128 + 15);
		assertThat(pidFile).doesNotExist();
	}

	@Test
	void autoRunsInTheForegroundUnderSystemd() throws Exception {
		Path pidFile = this.directory.resolve("app.pid");
		Path output = this.directory.resolve("console.log");
		Process process = startForeground(pidFile, output, Map.of("INVOCATION_ID", "0123456789abcdef"), "mode=auto");
		awaitOutput(output, "started pid=" + process.pid());
		assertThat(Files.readString(pidFile).trim()).isEqualTo(Long.toString(process.pid()));
		assertThat(process.isAlive()).isTrue();
		Daemoniker.send(pidFile, "TERM");
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(pidFile).doesNotExist();
	}

	@Test
	void foregroundUnderTypeNotifySendsReadyAndStopping() throws Exception {
		String name = "daemoniker-notify-" + UUID.randomUUID();
		try (DatagramReceiver systemd = DatagramReceiver.abstractNamed(name)) {
			Path pidFile = this.directory.resolve("app.pid");
			Path output = this.directory.resolve("console.log");
			Process process = startForeground(pidFile, output, Map.of("NOTIFY_SOCKET", "@" + name), "mode=auto");
			assertThat(systemd.await(60)).isEqualTo("READY=1\n");
			awaitOutput(output, "started pid=" + process.pid());
			Daemoniker.send(pidFile, "TERM");
			assertThat(systemd.await(30)).isEqualTo("STOPPING=1\n");
			assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		}
	}

	@Test
	void daemonUnderTypeNotifySendsReadyWithItsMainPid() throws Exception {
		Path socket = this.directory.resolve("notify");
		try (DatagramReceiver systemd = DatagramReceiver.atPath(socket)) {
			Path pidFile = this.directory.resolve("app.pid");
			Path log = this.directory.resolve("app.log");
			ProcessBuilder launcher = new ProcessBuilder(
					OpsProcesses.command(OpsDaemonFixture.class, pidFile.toString(), log.toString(), "mode=daemon"));
			launcher.environment().put("NOTIFY_SOCKET", socket.toString());
			OpsProcesses.Result result = this.processes.run(launcher);
			assertThat(result.exitCode()).as(result.output()).isZero();
			long pid = this.processes.pidIn(pidFile);
			assertThat(systemd.await(30)).isEqualTo("READY=1\nMAINPID=" + pid + "\n");
			assertThat(Daemoniker.stop(pidFile, Duration.ofSeconds(30))).isTrue();
			assertThat(systemd.await(30)).isEqualTo("STOPPING=1\n");
			OpsProcesses.awaitGone(pid);
		}
	}

	@Test
	void daemonModeIsTheDefault() throws Exception {
		Path pidFile = this.directory.resolve("app.pid");
		Path log = this.directory.resolve("app.log");
		ProcessBuilder launcher = new ProcessBuilder(
				OpsProcesses.command(OpsDaemonFixture.class, pidFile.toString(), log.toString()));
		launcher.environment().remove("INVOCATION_ID");
		launcher.environment().remove("NOTIFY_SOCKET");
		OpsProcesses.Result result = this.processes.run(launcher);
		assertThat(result.exitCode()).as(result.output()).isZero();
		long pid = this.processes.pidIn(pidFile);
		assertThat(ProcessHandle.of(pid).flatMap(ProcessHandle::parent).map(ProcessHandle::pid))
			.isNotEqualTo(ProcessHandle.current().pid());
		assertThat(Daemoniker.stop(pidFile, Duration.ofSeconds(30))).isTrue();
		OpsProcesses.awaitGone(pid);
	}

	@Test
	void foregroundRefusesARunningInstance() throws Exception {
		Path pidFile = this.directory.resolve("app.pid");
		Path output = this.directory.resolve("console.log");
		Process first = startForeground(pidFile, output, Map.of(), "mode=foreground");
		awaitOutput(output, "started pid=" + first.pid());
		Path secondOutput = this.directory.resolve("second.log");
		Process second = startForeground(pidFile, secondOutput, Map.of(), "mode=foreground");
		assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(second.exitValue()).isNotZero();
		assertThat(Files.readString(secondOutput)).contains("already running (pid " + first.pid() + ")")
			.contains(Long.toString(first.pid()));
		assertThat(Files.readString(pidFile).trim()).isEqualTo(Long.toString(first.pid()));
	}

	private Process startForeground(Path pidFile, Path output, Map<String, String> environment, String... extra)
			throws IOException {
		List<String> args = new ArrayList<>(List.of(pidFile.toString(), "-"));
		args.addAll(List.of(extra));
		ProcessBuilder builder = new ProcessBuilder(
				OpsProcesses.command(OpsDaemonFixture.class, args.toArray(new String[0])));
		builder.environment().remove("INVOCATION_ID");
		builder.environment().remove("NOTIFY_SOCKET");
		builder.environment().putAll(environment);
		builder.redirectErrorStream(true).redirectOutput(output.toFile());
		return this.processes.start(builder);
	}

	private static void awaitOutput(Path output, String text) {
		await().atMost(Duration.ofSeconds(60)).until(() -> Files.readString(output).contains(text));
	}

}
