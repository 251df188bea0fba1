/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.daemoniker.support.Daemons;
import io.daemoniker.support.Daemons.Result;
import io.daemoniker.support.Proc;
import io.daemoniker.support.RealDaemonTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Launchers with command lines longer than the page that the JDK reads of them, as build
 * tools and IDEs start them, give a daemon with the very same command line.
 */
@EnabledOnOs(OS.LINUX)
class LongCommandLineTests extends RealDaemonTests {

	@Test
	void eightKilobyteClassPath() {
		List<String> launcher = command(List.of("-cp", padding(8 * 1024) + File.pathSeparator + Daemons.CLASSPATH));
		assertThat(String.join(" ", launcher).length()).isGreaterThan(8 * 1024);
		assertSameCommandLine(launcher);
	}

	@Test
	void twoHundredKilobyteCommandLine() {
		// Linux takes no single argument of 128 KiB or more, so options make up the rest.
		List<String> options = new ArrayList<>(
				List.of("-cp", padding(100 * 1024) + File.pathSeparator + Daemons.CLASSPATH));
		IntStream.range(0, 1100).forEach((i) -> options.add("-Dpad." + i + "=" + "x".repeat(90)));
		List<String> launcher = command(options);
		assertThat(String.join(" ", launcher).length()).isGreaterThan(200 * 1024);
		assertSameCommandLine(launcher);
	}

	@Test
	void argumentFileWithAClassPathTooLongForOneArgumentAndRelativeEntries() throws IOException {
		String relativeClassPath = Stream.of(Daemons.CLASSPATH.split(File.pathSeparator))
			.map((entry) -> this.directory.relativize(Path.of(entry)).toString())
			.collect(Collectors.joining(File.pathSeparator));
		String classPath = padding(200 * 1024) + File.pathSeparator + relativeClassPath;
		Files.writeString(this.directory.resolve("java.args"), "-cp \"" + classPath + "\"\n");
		Result launcher = this.daemons.run(command(List.of("-Dtest.chdir=/", "@java.args")), this.directory);
		assertThat(launcher.exitCode()).as(launcher.toString()).isZero();
		long pid = Daemons.pidIn(this.pidFile);
		Daemons.awaitLog(this.log, "signals started");
		List<String> daemon = Proc.cmdline(pid);
		String classPathArgument = daemon.get(daemon.indexOf("-cp") + 1);
		// Expanded, the class path is too long to pass, so it is passed in a file of its
		// own, which the launcher removed when it ended.
		assertThat(classPathArgument).startsWith("@");
		assertThat(Path.of(classPathArgument.substring(1))).doesNotExist();
		assertThat(Proc.cwd(pid)).isEqualTo("/");
	}

	private List<String> command(List<String> options) {
		List<String> command = new ArrayList<>(List.of(Daemons.JAVA, this.daemons.marker()));
		command.addAll(options);
		command.addAll(List.of(Daemons.APP, this.pidFile.toString(), this.log.toString()));
		return command;
	}

	private void assertSameCommandLine(List<String> launcher) {
		Result result = this.daemons.run(launcher, this.directory);
		assertThat(result.exitCode()).as(result.toString()).isZero();
		long pid = Daemons.pidIn(this.pidFile);
		Daemons.awaitLog(this.log, "signals started");
		List<String> daemon = new ArrayList<>(Proc.cmdline(pid));
		// The daemon is the launcher's command with the marker that tells it what it is,
		// and the directory it was launched from, which restart needs.
		assertThat(daemon.remove(1)).startsWith("-Ddaemoniker.daemon=");
		assertThat(daemon.remove(1)).isEqualTo("-Ddaemoniker.launch-directory=" + this.directory);
		assertThat(daemon.equals(launcher)).as("the daemon's command line is the launcher's").isTrue();
	}

	/**
	 * Returns a class path of nonexistent entries in the test's directory, of about the
	 * given length.
	 */
	private String padding(int length) {
		String entry = this.directory.resolve("pad-0000").toString();
		return IntStream.range(0, length / (entry.length() + 1) + 1)
			.mapToObj((i) -> this.directory.resolve(String.format("pad-%04d", i)).toString())
			.collect(Collectors.joining(File.pathSeparator));
	}

}
