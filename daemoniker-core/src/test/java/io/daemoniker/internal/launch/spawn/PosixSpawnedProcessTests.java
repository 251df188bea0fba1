/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.launch.spawn;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The reaper of a {@code posix_spawn} child, on real processes: a child that only stops
 * must not hold up {@code destroy()}. macOS wakes {@code waitid(WEXITED | WNOWAIT)} for a
 * stopped child, and a reaper that then waited for its exit under the lock that
 * {@code destroy()} takes would block it until the child continued.
 */
@EnabledOnOs({ OS.LINUX, OS.MAC })
class PosixSpawnedProcessTests {

	private static final String PREFIX = "PFX";

	@TempDir
	Path directory;

	private Process intermediate;

	private long daemon = -1;

	@AfterEach
	void cleanUp() {
		if (this.daemon > 0) {
			ProcessHandle.of(this.daemon).ifPresent(ProcessHandle::destroyForcibly);
		}
		if (this.intermediate != null) {
			this.intermediate.destroyForcibly();
		}
	}

	@Test
	void destroyingAStoppedChildReturnsAndTheChildIsReapedOnceKilled() throws Exception {
		DaemonSpawner.Spec spec = new DaemonSpawner.Spec(this.directory, 022, List.of("sleep", "60"), Set.of(), 1024,
				PREFIX);
		this.intermediate = new PosixSpawnSpawner().spawn(spec);
		Process process = this.intermediate;
		process.getOutputStream().close();
		String spawned = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
			.readLine();
		this.daemon = Long.parseLong(spawned.substring((PREFIX + " spawned ").length()));
		assertThat(run("kill", "-STOP", Long.toString(process.pid()))).isZero();
		await().atMost(Duration.ofSeconds(30)).until(() -> state(process.pid()).startsWith("T"));
		// TERM stays pending while the child is stopped; destroy() must return all the
		// same.
		process.destroy();
		assertThat(process.isAlive()).isTrue();
		process.destroyForcibly();
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).isEqualTo(128 + 9);
	}

	private static String state(long pid) throws IOException, InterruptedException {
		Process ps = new ProcessBuilder("ps", "-o", "stat=", "-p", Long.toString(pid)).start();
		String state = new String(ps.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
		ps.waitFor();
		return state;
	}

	private static int run(String... command) throws IOException, InterruptedException {
		return new ProcessBuilder(command).inheritIO().start().waitFor();
	}

}
