/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.daemoniker.support.Daemons;
import io.daemoniker.support.Daemons.Result;
import io.daemoniker.support.RealDaemonTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A daemon that cannot start makes its launcher print the cause and exit non-zero, and
 * leaves no process and no PID file behind.
 */
@EnabledOnOs(OS.LINUX)
class StartupFailureTests extends RealDaemonTests {

	@Test
	void badJvmOptionOfTheDaemon() {
		Result launcher = this.daemons.launch(this.pidFile, this.log, "-Dtest.jvmOption=-XX:+NoSuchDaemonOption");
		assertFailedCleanly(launcher);
		assertThat(launcher.stderr()).contains("NoSuchDaemonOption").contains("exited before confirming");
	}

	@Test
	void missingMainClassInTheDaemon() throws IOException {
		Path classes = copyTestApplicationClasses();
		Path mainClass = classes.resolve("io/daemoniker/testapp/TestDaemonApp.class");
		List<String> command = new ArrayList<>(
				List.of(Daemons.JAVA, this.daemons.marker(), "-Dtest.deleteInLauncher=" + mainClass, "-cp",
						classPathWith(classes), Daemons.APP, this.pidFile.toString(), this.log.toString()));
		Result launcher = this.daemons.run(command, this.directory);
		assertFailedCleanly(launcher);
		assertThat(launcher.stderr()).contains("Could not find or load main class " + Daemons.APP);
	}

	@Test
	void exceptionBeforeDaemonizeReturns() {
		Result launcher = this.daemons.launch(this.pidFile, this.log, "-Dtest.failInDaemon=true");
		assertFailedCleanly(launcher);
		assertThat(launcher.stderr()).contains("boom before daemonize in the daemon").contains("IllegalStateException");
	}

	@Test
	void successTimeoutStopsTheHalfStartedDaemon() {
		Result launcher = this.daemons.launch(this.pidFile, this.log, "-Dtest.daemonDelayMs=60000",
				"-Dtest.timeoutMs=1500");
		assertFailedCleanly(launcher);
		assertThat(launcher.stderr()).contains("did not confirm its start-up within 1500 ms")
			.contains("raise the success timeout");
	}

	@Test
	void missingWorkingDirectoryIsNamed() {
		Path missing = this.directory.resolve("no-such-dir");
		Result launcher = this.daemons.launch(this.pidFile, this.log, "-Dtest.chdir=" + missing);
		assertFailedCleanly(launcher);
		assertThat(launcher.stderr()).contains(missing.toString()).contains("no such directory");
	}

	@Test
	void logInAMissingDirectoryIsNamed() {
		Path log = this.directory.resolve("missing/app.log");
		Result launcher = this.daemons.launch(this.pidFile, log);
		assertFailedCleanly(launcher);
		assertThat(launcher.stderr()).contains(log.toString()).contains("does not exist");
	}

	@Test
	void argumentThatIsNotPlainDataIsRefusedInTheLauncher() {
		Result launcher = this.daemons.run(List.of(Daemons.JAVA, this.daemons.marker(), "-cp", Daemons.CLASSPATH,
				"io.daemoniker.testapp.BadArgumentApp", this.pidFile.toString()), this.directory);
		assertFailedCleanly(launcher);
		assertThat(launcher.stderr()).contains("argument 0 is a java.lang.Thread");
	}

	private void assertFailedCleanly(Result launcher) {
		assertThat(launcher.exitCode()).as(launcher.toString()).isNotZero();
		assertThat(this.daemons.liveProcesses()).as("processes left behind").isEmpty();
		assertThat(this.pidFile).doesNotExist();
	}

	/**
	 * Copies the test application's classes to a directory of their own, so that the
	 * launcher can delete its main class from under the daemon.
	 */
	private Path copyTestApplicationClasses() throws IOException {
		Path source = testClassesDirectory().resolve("io/daemoniker/testapp");
		Path target = Files.createDirectories(this.directory.resolve("app-classes/io/daemoniker/testapp"));
		try (Stream<Path> classes = Files.list(source)) {
			for (Path file : (Iterable<Path>) classes::iterator) {
				Files.copy(file, target.resolve(file.getFileName()));
			}
		}
		return this.directory.resolve("app-classes");
	}

	private static Path testClassesDirectory() {
		return Stream.of(Daemons.CLASSPATH.split(java.io.File.pathSeparator))
			.map(Path::of)
			.filter((entry) -> entry.endsWith("test-classes"))
			.findFirst()
			.orElseThrow();
	}

	private static String classPathWith(Path classes) {
		List<String> entries = new ArrayList<>(List.of(classes.toString()));
		Stream.of(Daemons.CLASSPATH.split(java.io.File.pathSeparator))
			.filter((entry) -> !entry.endsWith("test-classes"))
			.forEach(entries::add);
		return String.join(java.io.File.pathSeparator, entries);
	}

}
