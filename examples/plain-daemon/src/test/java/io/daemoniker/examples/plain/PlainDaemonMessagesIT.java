/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.examples.plain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

/**
 * What the packaged example prints: one line and no stack trace for a user's mistake, and
 * a stop hint that runs as printed.
 */
@EnabledOnOs(OS.LINUX)
class PlainDaemonMessagesIT {

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
	void aPidFileInAMissingDirectoryIsOneLineWithoutAStackTrace() throws Exception {
		Outcome start = run(List.of(JAVA, "-jar", System.getProperty("example.jar"), "missing/plain.pid", "plain.log"));
		assertThat(start.exitCode()).isEqualTo(1);
		assertThat(start.stderr().strip().lines()).as(start.stderr()).hasSize(1);
		assertThat(start.stderr()).startsWith("plain-daemon: ")
			.contains(this.directory.resolve("missing").toString())
			.doesNotContain("\tat ")
			.doesNotContain("Exception");
	}

	@Test
	void theStopHintRunsAsPrinted() throws Exception {
		Outcome start = run(List.of(JAVA, "-jar", System.getProperty("example.jar"), "plain.pid", "plain.log"));
		assertThat(start.exitCode()).as(start.stderr()).isZero();
		this.daemonPid = Long.parseLong(Files.readString(this.directory.resolve("plain.pid")).trim());
		Matcher hint = HINT.matcher(start.stdout());
		assertThat(hint.find()).as(start.stdout()).isTrue();
		assertThat(hint.group(1)).contains(Path.of(System.getProperty("example.jar")).toRealPath().toString())
			.contains(this.directory.resolve("plain.pid").toString());
		Outcome stop = run(List.of("sh", "-c", hint.group(1)));
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

	private Outcome run(List<String> command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).directory(this.directory.toFile())
			.redirectError(this.directory.resolve("err.txt").toFile())
			.start();
		process.getOutputStream().close();
		String output = new String(process.getInputStream().readAllBytes());
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new AssertionError("did not end: " + command);
		}
		return new Outcome(process.exitValue(), output, Files.readString(this.directory.resolve("err.txt")));
	}

	private record Outcome(int exitCode, String stdout, String stderr) {
	}

}
