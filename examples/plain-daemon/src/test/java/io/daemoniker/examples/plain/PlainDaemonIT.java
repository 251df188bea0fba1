/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.examples.plain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged example, run exactly as the README runs it: start, status, HUP, stop; and
 * what it prints: one line and no stack trace for a user's mistake, and a stop hint that
 * runs as printed.
 */
@EnabledOnOs(OS.LINUX)
class PlainDaemonIT {

	private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

	private static final Pattern HINT = Pattern.compile("stop it with: (.+)");

	@TempDir
	Path directory;

	private long daemonPid = -1;

	@AfterEach
	void killDaemon() {
		if (this.daemonPid > 0) {
			ProcessHandle.of(this.daemonPid).ifPresent(ProcessHandle::destroyForcibly);
		}
	}

	@Test
	void startsAnswersAndStops() throws Exception {
		Path pidFile = this.directory.resolve("plain.pid");
		Path log = this.directory.resolve("plain.log");
		Outcome start = run(JAVA, "-jar", System.getProperty("example.jar"), "plain.pid", "plain.log");
		assertThat(start.exitCode()).as(start.output()).isZero();
		this.daemonPid = Long.parseLong(Files.readString(pidFile).trim());
		await().atMost(Duration.ofSeconds(30))
			.until(() -> Files.readString(log).contains("daemon started pid=" + this.daemonPid));
		Outcome status = cli("status", "plain.pid");
		assertThat(status.exitCode()).isZero();
		assertThat(status.output()).contains("running (pid " + this.daemonPid + ")");
		assertThat(cli("send", "plain.pid", "HUP").exitCode()).isZero();
		await().atMost(Duration.ofSeconds(30)).until(() -> Files.readString(log).contains("received SIGHUP"));
		assertThat(cli("send", "plain.pid", "HUP").exitCode()).isZero();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> Files.readString(log).split("received SIGHUP", -1).length - 1 == 2);
		assertThat(ProcessHandle.of(this.daemonPid).map(ProcessHandle::isAlive)).hasValue(true);
		Outcome stop = cli("stop", "plain.pid");
		assertThat(stop.exitCode()).as(stop.output()).isZero();
		assertThat(pidFile).doesNotExist();
		assertThat(Files.readString(log)).contains("received SIGTERM, exiting");
		assertThat(cli("status", "plain.pid").exitCode()).isEqualTo(3);
	}

	@Test
	void aPidFileInAMissingDirectoryIsOneLineWithoutAStackTrace() throws Exception {
		Separate start = runSeparately(
				List.of(JAVA, "-jar", System.getProperty("example.jar"), "missing/plain.pid", "plain.log"));
		assertThat(start.exitCode()).isEqualTo(1);
		assertThat(start.stderr().strip().lines()).as(start.stderr()).hasSize(1);
		assertThat(start.stderr()).startsWith("plain-daemon: ")
			.contains(this.directory.resolve("missing").toString())
			.doesNotContain("\tat ")
			.doesNotContain("Exception");
	}

	@Test
	void theStopHintRunsAsPrinted() throws Exception {
		Separate start = runSeparately(
				List.of(JAVA, "-jar", System.getProperty("example.jar"), "plain.pid", "plain.log"));
		assertThat(start.exitCode()).as(start.stderr()).isZero();
		this.daemonPid = Long.parseLong(Files.readString(this.directory.resolve("plain.pid")).trim());
		Matcher hint = HINT.matcher(start.stdout());
		assertThat(hint.find()).as(start.stdout()).isTrue();
		assertThat(hint.group(1)).contains(Path.of(System.getProperty("example.jar")).toRealPath().toString())
			.contains(this.directory.resolve("plain.pid").toString());
		Separate stop = runSeparately(List.of("sh", "-c", hint.group(1)));
		assertThat(stop.exitCode()).as(stop.stderr()).isZero();
		assertThat(stop.stdout()).contains("stopped (pid " + this.daemonPid + ")");
		assertThat(isGone(this.daemonPid)).as("the daemon is gone once stop returns").isTrue();
	}

	/**
	 * Whether a process runs no more: it does not exist, or it is a zombie that its new
	 * parent has not reaped yet.
	 */
	private static boolean isGone(long pid) throws IOException {
		Path stat = Path.of("/proc", Long.toString(pid), "stat");
		if (!Files.exists(stat)) {
			return true;
		}
		String text = Files.readString(stat);
		return text.substring(text.lastIndexOf(')') + 2).startsWith("Z");
	}

	private Outcome cli(String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(JAVA, "-jar", System.getProperty("cli.jar")));
		command.addAll(List.of(args));
		return run(command.toArray(new String[0]));
	}

	private Separate runSeparately(List<String> command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).directory(this.directory.toFile())
			.redirectError(this.directory.resolve("err.txt").toFile())
			.start();
		process.getOutputStream().close();
		String output = new String(process.getInputStream().readAllBytes());
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new AssertionError("did not end: " + command);
		}
		return new Separate(process.exitValue(), output, Files.readString(this.directory.resolve("err.txt")));
	}

	private Outcome run(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).directory(this.directory.toFile())
			.redirectErrorStream(true)
			.start();
		process.getOutputStream().close();
		String output = new String(process.getInputStream().readAllBytes());
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new AssertionError("did not end: " + List.of(command));
		}
		return new Outcome(process.exitValue(), output);
	}

	private record Outcome(int exitCode, String output) {
	}

	private record Separate(int exitCode, String stdout, String stderr) {
	}

}
