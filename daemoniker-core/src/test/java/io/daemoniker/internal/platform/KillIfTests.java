/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Tests for {@link Platform#killIf} on real processes.
 */
@EnabledOnOs(OS.LINUX)
class KillIfTests {

	private static final int SIGTERM = 15;

	private static final Path LAST_PID = Path.of("/proc/sys/kernel/ns_last_pid");

	private final List<Process> processes = new ArrayList<>();

	@AfterEach
	void killAll() throws InterruptedException {
		for (Process process : this.processes) {
			process.destroyForcibly();
			process.waitFor(10, TimeUnit.SECONDS);
		}
	}

	@Test
	void signalIsSentWhenTheCheckHolds() throws Exception {
		Process target = sleeper();
		assertThat(Platform.current().killIf(target.pid(), SIGTERM, () -> true)).isTrue();
		assertThat(target.waitFor(10, TimeUnit.SECONDS)).isTrue();
		assertThat(target.exitValue()).isEqualTo(128 + SIGTERM);
	}

	@Test
	void nothingIsSentWhenTheCheckFails() throws Exception {
		Process target = sleeper();
		assertThat(Platform.current().killIf(target.pid(), SIGTERM, () -> false)).isFalse();
		assertThat(target.waitFor(300, TimeUnit.MILLISECONDS)).isFalse();
	}

	@Test
	void signalCannotReachAProcessThatWasGivenTheSamePidAfterTheCheckStarted() throws Exception {
		assumeThat(PidFd.mayBeAvailable()).as("process descriptors on this architecture").isTrue();
		assumeThat(Files.isWritable(LAST_PID)).as("%s writable, to reuse a PID on purpose", LAST_PID).isTrue();
		Process original = sleeper();
		long pid = original.pid();
		Process[] successor = new Process[1];
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> Platform.current().killIf(pid, SIGTERM, () -> {
			// The original exits and its PID goes to another process while the
			// check runs.
			successor[0] = reusePid(original);
			return true;
		})).withMessageContaining("no such process");
		assumeThat(successor[0]).as("the PID was given to a new process").isNotNull();
		assertThat(successor[0].pid()).isEqualTo(pid);
		assertThat(successor[0].waitFor(300, TimeUnit.MILLISECONDS)).as("the new process was not signalled").isFalse();
	}

	private Process reusePid(Process original) {
		try {
			original.destroyForcibly();
			original.waitFor(10, TimeUnit.SECONDS);
			for (int attempt = 0; attempt < 20; attempt++) {
				Files.writeString(LAST_PID, Long.toString(original.pid() - 1));
				Process candidate = sleeper();
				if (candidate.pid() == original.pid()) {
					return candidate;
				}
			}
			return null;
		}
		catch (IOException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	private Process sleeper() throws IOException {
		Process process = new ProcessBuilder("sleep", "60").start();
		this.processes.add(process);
		return process;
	}

}
