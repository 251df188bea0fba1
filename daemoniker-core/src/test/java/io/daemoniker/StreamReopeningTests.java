/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Log reopening on a real daemon, as {@code logrotate} without {@code copytruncate} uses
 * it: the log is renamed, the daemon is signalled, and new output must land in a new file
 * under the old name while the renamed one gets nothing more.
 */
@EnabledOnOs(OS.LINUX)
class StreamReopeningTests {

	@TempDir
	Path directory;

	private final OpsProcesses processes = new OpsProcesses();

	@AfterEach
	void tearDown() {
		this.processes.close();
	}

	@Test
	void hupReopensTheLogAndTheApplicationsHandlerStillRuns() throws Exception {
		Path pidFile = this.directory.resolve("app.pid");
		Path log = this.directory.resolve("app.log");
		Path rotated = this.directory.resolve("app.log.1");
		long pid = start(pidFile, log);
		Files.move(log, rotated);
		Daemoniker.send(pidFile, "HUP");
		await().atMost(Duration.ofSeconds(30)).until(() -> contains(log, "user HUP handler ran"));
		Daemoniker.send(pidFile, "USR1");
		await().atMost(Duration.ofSeconds(30)).until(() -> contains(log, "usr1 line"));
		assertThat(Files.readString(rotated)).contains("started pid=" + pid)
			.doesNotContain("user HUP handler ran")
			.doesNotContain("usr1 line");
		stop(pidFile, pid);
	}

	@Test
	void reopeningWithoutAHandlerDoesNotEndTheDaemon() throws Exception {
		Path pidFile = this.directory.resolve("app.pid");
		Path log = this.directory.resolve("app.log");
		Path rotated = this.directory.resolve("app.log.1");
		long pid = start(pidFile, log, "hup=none");
		Files.move(log, rotated);
		Daemoniker.send(pidFile, "HUP");
		await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(log));
		Daemoniker.send(pidFile, "USR1");
		await().atMost(Duration.ofSeconds(30)).until(() -> contains(log, "usr1 line"));
		assertThat(OpsProcesses.isAlive(pid)).isTrue();
		assertThat(Files.readString(rotated)).doesNotContain("usr1 line");
		stop(pidFile, pid);
	}

	@Test
	void reopensOnTheConfiguredSignalOnly() throws Exception {
		Path pidFile = this.directory.resolve("app.pid");
		Path log = this.directory.resolve("app.log");
		Path rotated = this.directory.resolve("app.log.1");
		long pid = start(pidFile, log, "reopen=USR1");
		Files.move(log, rotated);
		Daemoniker.send(pidFile, "HUP");
		await().atMost(Duration.ofSeconds(30)).until(() -> contains(rotated, "user HUP handler ran"));
		assertThat(log).doesNotExist();
		Daemoniker.send(pidFile, "USR1");
		await().atMost(Duration.ofSeconds(30)).until(() -> contains(log, "usr1 line"));
		assertThat(Files.readString(rotated)).doesNotContain("usr1 line");
		stop(pidFile, pid);
	}

	@Test
	void withoutReopeningOutputStaysInTheRenamedFile() throws Exception {
		Path pidFile = this.directory.resolve("app.pid");
		Path log = this.directory.resolve("app.log");
		Path rotated = this.directory.resolve("app.log.1");
		long pid = start(pidFile, log, "reopen=none");
		Files.move(log, rotated);
		Daemoniker.send(pidFile, "HUP");
		await().atMost(Duration.ofSeconds(30)).until(() -> contains(rotated, "user HUP handler ran"));
		assertThat(log).doesNotExist();
		stop(pidFile, pid);
	}

	private long start(Path pidFile, Path log, String... extra) throws Exception {
		String[] args = new String[extra.length + 2];
		args[0] = pidFile.toString();
		args[1] = log.toString();
		System.arraycopy(extra, 0, args, 2, extra.length);
		OpsProcesses.Result launcher = this.processes
			.run(new ProcessBuilder(OpsProcesses.command(OpsDaemonFixture.class, args)));
		assertThat(launcher.exitCode()).as(launcher.output()).isZero();
		long pid = this.processes.pidIn(pidFile);
		await().atMost(Duration.ofSeconds(30)).until(() -> contains(log, "started pid=" + pid));
		return pid;
	}

	private void stop(Path pidFile, long pid) {
		assertThat(Daemoniker.stop(pidFile, Duration.ofSeconds(30))).isTrue();
		OpsProcesses.awaitGone(pid);
		assertThat(pidFile).doesNotExist();
	}

	private static boolean contains(Path file, String text) throws IOException {
		return Files.exists(file) && Files.readString(file).contains(text);
	}

}
