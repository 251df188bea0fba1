/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.examples.spring;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.daemoniker.Daemoniker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code daemoniker.startup-cache.enabled} on the packaged example: the daemon's first
 * orderly exit writes its archive beside the PID file, and the next daemon maps it (read
 * from {@code /proc/<pid>/maps}).
 */
@EnabledOnOs(OS.LINUX)
class StartupCacheProcessTests {

	@TempDir
	Path directory;

	@AfterEach
	void stopEverythingLeft() throws IOException {
		// By PID, and only processes started from this test's own directory.
		JarLaunches.killProcessesNaming(this.directory);
	}

	@Test
	void theSecondDaemonMapsTheArchiveThatTheFirstOneWroteAtItsExit() throws Exception {
		Path pidFile = this.directory.resolve("app.pid");
		long first = launch(pidFile);
		assertThat(archives()).isEmpty();
		stop(pidFile, first);
		List<Path> archives = archives();
		assertThat(archives).singleElement()
			.satisfies((archive) -> assertThat(archive.getFileName().toString()).startsWith("app-"));
		long second = launch(pidFile);
		assertThat(Files.readString(Path.of("/proc/" + second + "/maps"))).contains(archives.get(0).toString());
		stop(pidFile, second);
	}

	private long launch(Path pidFile) throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		JarLaunches.Outcome launcher = JarLaunches.launch(this.directory, List.of(), Map.of(),
				List.of("--daemoniker.pid-file=" + pidFile, "--daemoniker.startup-cache.enabled=true",
						"--server.port=" + port));
		assertThat(launcher.status()).as(launcher.stderr()).isZero();
		assertThat(launcher.stderr()).doesNotContain("start-up cache");
		return Daemoniker.status(pidFile).pid().orElseThrow();
	}

	private static void stop(Path pidFile, long pid) throws Exception {
		assertThat(Daemoniker.stop(pidFile, Duration.ofSeconds(60))).isTrue();
		ProcessHandle.of(pid).ifPresent((process) -> process.onExit().join());
	}

	private List<Path> archives() throws IOException {
		try (Stream<Path> files = Files.list(this.directory)) {
			return new ArrayList<>(files.filter((file) -> file.getFileName().toString().endsWith(".jsa")).toList());
		}
	}

}
