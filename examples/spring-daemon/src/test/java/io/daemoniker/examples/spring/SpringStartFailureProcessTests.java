/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.examples.spring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Spring Boot daemon that cannot start: the launcher says why on standard error, in few
 * lines, and leaves no process and no PID file, also when the daemon dies after it
 * redirected its output.
 */
@EnabledOnOs(OS.LINUX)
class SpringStartFailureProcessTests {

	/**
	 * A heap too small for Spring Boot's start-up, and a JVM that exits at the first
	 * {@link OutOfMemoryError}. Without the second, where the error is thrown decides the
	 * outcome: one caught by Spring's bean creation is reported as the daemon's failure,
	 * through the start-up channel, and not as an exit before the daemon confirmed.
	 */
	private static final String DIES_OF_THE_FIRST_OUT_OF_MEMORY = "-Xmx8m,-XX:+ExitOnOutOfMemoryError";

	@TempDir
	Path directory;

	@AfterEach
	void killEverythingLeft() throws IOException {
		JarLaunches.killProcessesNaming(this.directory);
	}

	@Test
	void aBindingErrorIsOneLineOnStandardError() throws Exception {
		Path pidFile = this.directory.resolve("app.pid");
		JarLaunches.Outcome launcher = launch("--daemoniker.pid-file=" + pidFile, "--daemoniker.umask=99x");
		assertThat(launcher.status()).isEqualTo(1);
		assertThat(launcher.stdout()).as("nothing on standard output").isEmpty();
		assertThat(launcher.stderr().strip().lines()).as(launcher.stderr()).hasSize(1);
		assertThat(launcher.stderr()).contains("daemoniker.umask").doesNotContain("\tat ");
		assertThat(pidFile).doesNotExist();
		// The line that docs/spring-boot.md shows.
		Path guide = Path.of(System.getProperty("daemoniker.repository.root"), "docs", "spring-boot.md");
		assertThat(Files.readString(guide)).contains("\n" + launcher.stderr().strip() + "\n");
	}

	@Test
	void aDaemonThatRunsOutOfMemoryAfterRedirectingLeavesNothingAndItsOutputIsShown() throws Exception {
		Path pidFile = this.directory.resolve("app.pid");
		Path log = this.directory.resolve("app.log");
		JarLaunches.Outcome launcher = launch("--daemoniker.pid-file=" + pidFile, "--daemoniker.stdout=" + log,
				"--daemoniker.stderr=" + log, "--daemoniker.jvm-options=" + DIES_OF_THE_FIRST_OUT_OF_MEMORY,
				"--server.port=0");
		assertThat(launcher.status()).as(launcher.stderr()).isNotZero();
		assertThat(launcher.stderr()).contains("exited before confirming its start-up")
			.contains("its last output in " + log)
			.contains("OutOfMemoryError")
			.doesNotContain("\tat ");
		assertThat(pidFile).doesNotExist();
		assertThat(JarLaunches.processesNaming(this.directory)).as("processes left").isEmpty();
	}

	@Test
	void withStandardErrorDiscardedTheLauncherSaysWhereTheCauseWent() throws Exception {
		Path pidFile = this.directory.resolve("app.pid");
		Path log = this.directory.resolve("app.log");
		JarLaunches.Outcome launcher = launch("--daemoniker.pid-file=" + pidFile, "--daemoniker.stdout=" + log,
				"--daemoniker.stderr=/dev/null", "--daemoniker.jvm-options=" + DIES_OF_THE_FIRST_OUT_OF_MEMORY,
				"--server.port=0");
		assertThat(launcher.status()).as(launcher.stderr()).isNotZero();
		assertThat(launcher.stderr()).contains("its last output in " + log)
			.contains("its standard error went to /dev/null")
			.contains("daemoniker.stderr");
		assertThat(pidFile).doesNotExist();
		assertThat(JarLaunches.processesNaming(this.directory)).as("processes left").isEmpty();
	}

	@Test
	@EnabledIf("runsAsRootWithNobody")
	void aFailureInTheDaemonBeforeItRedirectsIsOneLineWithoutAStackTrace() throws Exception {
		Path run = Files.createDirectory(this.directory.resolve("run"));
		Files.setOwner(run, run.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
		Path closed = Files.createDirectory(this.directory.resolve("closed"),
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
		Path pidFile = run.resolve("app.pid");
		JarLaunches.Outcome launcher = launch("--daemoniker.pid-file=" + pidFile,
				"--daemoniker.stdout=" + closed.resolve("app.log"), "--daemoniker.user=nobody", "--server.port=0");
		assertThat(launcher.status()).isEqualTo(1);
		assertThat(launcher.stdout()).as("nothing on standard output").isEmpty();
		assertThat(launcher.stderr().strip().lines()).as(launcher.stderr()).hasSize(1);
		assertThat(launcher.stderr()).contains("failed to start")
			.contains(closed.resolve("app.log").toString())
			.doesNotContain("\tat ");
		assertThat(pidFile).doesNotExist();
		assertThat(JarLaunches.processesNaming(this.directory)).as("processes left").isEmpty();
	}

	static boolean runsAsRootWithNobody() throws IOException {
		Process id = new ProcessBuilder("id", "-u", "nobody").start();
		boolean nobody = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip().matches("\\d+");
		return nobody && "root".equals(System.getProperty("user.name"));
	}

	private JarLaunches.Outcome launch(String... arguments) throws Exception {
		return JarLaunches.launch(this.directory, List.of(), Map.of(), List.of(arguments));
	}

}
