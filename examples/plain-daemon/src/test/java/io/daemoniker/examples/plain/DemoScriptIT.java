/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.examples.plain;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's quick start, {@code examples/plain-daemon/demo.sh}, run twice with its
 * output going to a pipe, as a newcomer's terminal log or a CI log gets it: plain text,
 * no build when the jars are newer than the sources (this build just made them), every
 * step right, and no daemon left behind. The rebuild itself, after a source changed, is
 * checked by {@code .ci/check-demo-rebuild.sh}.
 */
@EnabledOnOs(OS.LINUX)
class DemoScriptIT {

	private static final Path ROOT = Path.of(System.getProperty("daemoniker.repository.root")).toAbsolutePath();

	private static final Pattern DAEMON_PID = Pattern.compile("the daemon runs as pid (\\d+)");

	@Test
	void runsTwiceQuietlyAndRight() throws Exception {
		for (int run = 1; run <= 2; run++) {
			String output = demo();
			assertThat(output).as("run %d:%n%s", run, output)
				.doesNotContain("\u001b")
				.doesNotContain("==> building")
				.doesNotContain("WARNING")
				.doesNotContain("[INFO]")
				.contains("==> status" + System.lineSeparator() + "running (pid ")
				.contains("sent SIGHUP to pid ")
				.contains("stopped (pid ")
				.contains("(exit 3)")
				.contains("    received SIGHUP")
				.contains("    received SIGTERM, exiting");
			Matcher pid = DAEMON_PID.matcher(output);
			assertThat(pid.find()).as(output).isTrue();
			assertThat(runs(Long.parseLong(pid.group(1)))).as("the demo's daemon is gone").isFalse();
		}
	}

	/**
	 * A zombie waiting for its parent (init) counts as gone: it runs no code and holds no
	 * lock.
	 */
	private static boolean runs(long pid) throws IOException {
		Path stat = Path.of("/proc", Long.toString(pid), "stat");
		if (!Files.exists(stat)) {
			return false;
		}
		try {
			String line = Files.readString(stat);
			return !line.substring(line.lastIndexOf(')') + 1).trim().startsWith("Z");
		}
		catch (NoSuchFileException ex) {
			return false;
		}
	}

	private static String demo() throws IOException, InterruptedException {
		Process process = new ProcessBuilder(List.of(ROOT.resolve("examples/plain-daemon/demo.sh").toString()))
			.directory(ROOT.toFile())
			.redirectErrorStream(true)
			.start();
		process.getOutputStream().close();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(5, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new AssertionError("demo.sh did not end:\n" + output);
		}
		assertThat(process.exitValue()).as(output).isZero();
		return output;
	}

}
