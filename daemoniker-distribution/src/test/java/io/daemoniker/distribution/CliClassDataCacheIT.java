/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.distribution;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.daemoniker.support.Daemons;
import io.daemoniker.support.Daemons.Result;
import io.daemoniker.support.RealDaemonTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The class-data archive that the {@code daemoniker} script keeps in the user's cache
 * directory for the command's own JVM, run for real: it is made once and used, the
 * command's output is the same with it, without it and on the run that makes it, and
 * every way the archive or its directory can be wrong leaves the command answering as
 * before, with nothing written where it should not be.
 */
@EnabledOnOs(OS.LINUX)
class CliClassDataCacheIT extends RealDaemonTests {

	private static final String TEMURIN_25 = "/usr/lib/jvm/temurin-25-jdk-amd64";

	private Path home;

	private Path cache;

	private Path missing;

	@BeforeEach
	void install() throws IOException {
		this.home = Installation.unpack("tar.gz", Files.createDirectory(this.directory.resolve("install")));
		this.cache = Files.createDirectory(this.directory.resolve("cache"),
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
		this.missing = this.directory.resolve("missing.pid");
	}

	@Test
	void theFirstRunWritesAPrivateArchiveThatTheNextRunsStartFrom() throws IOException {
		Result launch = this.daemons.launch(this.pidFile, this.log);
		assertThat(launch.exitCode()).as(launch.toString()).isZero();
		long pid = Daemons.pidIn(this.pidFile);
		Result first = daemoniker(Map.of(), "status", this.pidFile.toString());
		assertThat(first.exitCode()).as(first.toString()).isZero();
		assertThat(first.stdout()).startsWith("running (pid " + pid + ")").hasLineCount(1);
		assertThat(first.stderr()).isEmpty();
		Path directory = this.cache.resolve("daemoniker/cli-cds");
		assertThat(Files.getPosixFilePermissions(directory)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
		List<Path> archives = archives(directory);
		assertThat(archives).hasSize(1);
		String name = archives.get(0).getFileName().toString();
		// The name ends with the size the script checks before every use.
		assertThat(name).endsWith("." + Files.size(archives.get(0)) + ".jsa");
		assertThat(Files.getPosixFilePermissions(archives.get(0)).toString()).doesNotContain("WRITE");
		Path classLog = this.directory.resolve("classes.log");
		Result second = daemoniker(Map.of("JAVA_TOOL_OPTIONS", "-Xlog:class+load:file=" + classLog), "status",
				this.pidFile.toString());
		assertThat(second.exitCode()).as(second.toString()).isZero();
		assertThat(second.stdout()).startsWith("running (pid " + pid + ")").hasLineCount(1);
		assertThat(Files.readString(classLog))
			.contains("io.daemoniker.cli.DaemonikerCli source: shared objects file (top)");
		Result stop = daemoniker(Map.of(), "stop", this.pidFile.toString());
		assertThat(stop.exitCode()).as(stop.toString()).isZero();
		assertThat(stop.stdout()).isEqualTo("stopped (pid " + pid + ")" + System.lineSeparator());
		assertThat(stop.stderr()).isEmpty();
		Daemons.awaitGone(pid);
		assertThat(archives(directory)).containsExactlyElementsOf(archives);
		assertThat(entries(directory)).allMatch((entry) -> entry.endsWith(".jsa"));
	}

	@Test
	void printsTheSameWithoutTheArchiveOnTheRunThatMakesItAndWithIt() throws IOException {
		Result off = daemoniker(Map.of("DAEMONIKER_CLI_CACHE", "off"), "status", this.missing.toString());
		assertThat(this.cache.resolve("daemoniker")).doesNotExist();
		Result making = daemoniker(Map.of(), "status", this.missing.toString());
		assertThat(archives(this.cache.resolve("daemoniker/cli-cds"))).hasSize(1);
		Result using = daemoniker(Map.of(), "status", this.missing.toString());
		assertThat(off.exitCode()).as(off.toString()).isEqualTo(3);
		assertThat(off.stdout()).isEmpty();
		assertThat(off.stderr()).isEqualTo("not running: no PID file at " + this.missing + System.lineSeparator());
		for (Result result : List.of(making, using)) {
			assertThat(result.exitCode()).as(result.toString()).isEqualTo(off.exitCode());
			assertThat(result.stdout()).isEqualTo(off.stdout());
			assertThat(result.stderr()).isEqualTo(off.stderr());
		}
	}

	@Test
	void anArchiveOfOtherBytesOrAnotherSizeIsNotUsedAndTheAnswerStaysTheSame() throws IOException {
		Result making = daemoniker(Map.of(), "status", this.missing.toString());
		Path directory = this.cache.resolve("daemoniker/cli-cds");
		Path archive = archives(directory).get(0);
		// Other bytes of the same size: the JVM refuses the file and runs without it.
		byte[] garbage = new byte[(int) Files.size(archive)];
		new Random(12).nextBytes(garbage);
		Files.setPosixFilePermissions(archive, PosixFilePermissions.fromString("rw-------"));
		Files.write(archive, garbage);
		Files.setPosixFilePermissions(archive, PosixFilePermissions.fromString("r--------"));
		assertSameAnswer(making, daemoniker(Map.of(), "status", this.missing.toString()));
		// Cut short, which the JVM would map and crash on: the script does not pass it
		// on,
		// and a new archive replaces it.
		Files.setPosixFilePermissions(archive, PosixFilePermissions.fromString("rw-------"));
		Files.write(archive, new byte[4000]);
		assertSameAnswer(making, daemoniker(Map.of(), "status", this.missing.toString()));
		List<Path> after = archives(directory);
		assertThat(after).hasSize(1);
		assertThat(Files.size(after.get(0))).isGreaterThan(4000);
		assertSameAnswer(making, daemoniker(Map.of(), "status", this.missing.toString()));
	}

	@Test
	void aCacheDirectoryThatOthersCouldChangeIsNeitherUsedNorWritten() throws IOException {
		Result off = daemoniker(Map.of("DAEMONIKER_CLI_CACHE", "off"), "status", this.missing.toString());
		Path directory = Files.createDirectories(this.cache.resolve("daemoniker/cli-cds"));
		Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxrwx---"));
		assertSameAnswer(off, daemoniker(Map.of(), "status", this.missing.toString()));
		assertThat(entries(directory)).isEmpty();
		// A world-writable directory above it, without the sticky bit.
		Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
		Files.setPosixFilePermissions(this.cache, PosixFilePermissions.fromString("rwxrwxrwx"));
		assertSameAnswer(off, daemoniker(Map.of(), "status", this.missing.toString()));
		assertThat(entries(directory)).isEmpty();
		Files.setPosixFilePermissions(this.cache, PosixFilePermissions.fromString("rwx------"));
	}

	@Test
	void aSymbolicLinkInPlaceOfTheCacheDirectoryIsNotFollowed() throws IOException {
		Result off = daemoniker(Map.of("DAEMONIKER_CLI_CACHE", "off"), "status", this.missing.toString());
		Path elsewhere = Files.createDirectory(this.directory.resolve("elsewhere"),
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
		Files.createDirectory(this.cache.resolve("daemoniker"));
		Files.createSymbolicLink(this.cache.resolve("daemoniker/cli-cds"), elsewhere);
		assertSameAnswer(off, daemoniker(Map.of(), "status", this.missing.toString()));
		assertThat(entries(elsewhere)).isEmpty();
	}

	@Test
	void aCacheDirectoryOfAnotherUserIsNeitherUsedNorWritten() throws IOException {
		assumeThat(uid()).as("changing a directory's owner needs root").isZero();
		Result off = daemoniker(Map.of("DAEMONIKER_CLI_CACHE", "off"), "status", this.missing.toString());
		Path directory = Files.createDirectories(this.cache.resolve("daemoniker/cli-cds"));
		Result chown = this.daemons.run(List.of("chown", "65534", directory.toString()), this.directory);
		assertThat(chown.exitCode()).as(chown.toString()).isZero();
		assertSameAnswer(off, daemoniker(Map.of(), "status", this.missing.toString()));
		assertThat(entries(directory)).isEmpty();
	}

	@Test
	void aHomeWhereNoCacheDirectoryCanBeMadeStillGetsItsAnswer() throws IOException {
		Result off = daemoniker(Map.of("DAEMONIKER_CLI_CACHE", "off"), "status", this.missing.toString());
		// ~/.cache is a file here, so nothing can be made below it, even by root.
		Path userHome = Files.createDirectory(this.directory.resolve("home"));
		Files.writeString(userHome.resolve(".cache"), "not a directory");
		assertSameAnswer(off, daemoniker(Map.of("HOME", userHome.toString(), "XDG_CACHE_HOME", ""), "status",
				this.missing.toString()));
		assertThat(entries(userHome)).containsExactly(".cache");
		// A home that does not exist, as /nonexistent of a system user: nothing is made.
		Path none = this.directory.resolve("nonexistent");
		assertSameAnswer(off,
				daemoniker(Map.of("HOME", none.toString(), "XDG_CACHE_HOME", ""), "status", this.missing.toString()));
		assertThat(none).doesNotExist();
	}

	@Test
	void anotherJdkGetsAnArchiveOfItsOwnAndBothKeepAnswering() throws IOException {
		assumeThat(Path.of(TEMURIN_25, "bin/java")).as("a second JDK").isExecutable();
		String jdk17 = System.getProperty("java.home");
		Result off = daemoniker(Map.of("DAEMONIKER_CLI_CACHE", "off"), "status", this.missing.toString());
		Path directory = this.cache.resolve("daemoniker/cli-cds");
		for (String jdk : List.of(jdk17, TEMURIN_25, jdk17, TEMURIN_25)) {
			assertSameAnswer(off, daemoniker(Map.of("JAVA_HOME", jdk), "status", this.missing.toString()));
		}
		assertThat(archives(directory)).hasSize(2);
	}

	@Test
	void signalsGoThroughJnaWithoutAWarningOnEitherJdkFromAnInstallationWithASpaceInItsPath() throws IOException {
		assumeThat(Path.of(TEMURIN_25, "bin/java")).as("a second JDK").isExecutable();
		// The script names the main class on one JDK and reads it from the jar's
		// manifest on the other; a path with a space must survive both.
		this.home = Installation.unpack("tar.gz", Files.createDirectory(this.directory.resolve("with space")));
		Result launch = this.daemons.launch(this.pidFile, this.log, "-Dtest.handle=HUP");
		assertThat(launch.exitCode()).as(launch.toString()).isZero();
		Daemons.awaitLog(this.log, "signals started");
		long pid = Daemons.pidIn(this.pidFile);
		int sent = 0;
		for (String jdk : List.of(System.getProperty("java.home"), TEMURIN_25)) {
			// The first run of each JDK writes its archive, the second runs with it where
			// the JVM can use it (JDK 17 cannot from a class path with a space).
			for (int run = 0; run < 2; run++) {
				Result send = daemoniker(Map.of("JAVA_HOME", jdk), "send", this.pidFile.toString(), "HUP");
				assertThat(send.exitCode()).as(send.toString()).isZero();
				assertThat(send.stderr()).as(send.toString()).isEmpty();
				sent++;
				int expected = sent;
				await().atMost(Duration.ofSeconds(30))
					.until(() -> Daemons.read(this.log).split("handled SIGHUP", -1).length - 1 >= expected);
			}
		}
		assertThat(archives(this.cache.resolve("daemoniker/cli-cds"))).hasSize(2);
		// The script reads the JDK's version itself: a variable of the same name in the
		// environment decides nothing.
		Result planted = daemoniker(
				Map.of("JAVA_HOME", TEMURIN_25, "DAEMONIKER_CLI_CACHE", "off", "java_version", "21"), "send",
				this.pidFile.toString(), "HUP");
		assertThat(planted.exitCode()).as(planted.toString()).isZero();
		assertThat(planted.stderr()).as(planted.toString()).isEmpty();
		int expected = sent + 1;
		await().atMost(Duration.ofSeconds(30))
			.until(() -> Daemons.read(this.log).split("handled SIGHUP", -1).length - 1 >= expected);
		Result stop = daemoniker(Map.of("JAVA_HOME", TEMURIN_25), "stop", this.pidFile.toString());
		assertThat(stop.exitCode()).as(stop.toString()).isZero();
		assertThat(stop.stdout()).contains("stopped (pid " + pid + ")");
		assertThat(stop.stderr()).as(stop.toString()).isEmpty();
	}

	private void assertSameAnswer(Result expected, Result actual) {
		assertThat(actual.exitCode()).as(actual.toString()).isEqualTo(expected.exitCode());
		assertThat(actual.stdout()).as(actual.toString()).isEqualTo(expected.stdout());
		assertThat(actual.stderr()).as(actual.toString()).isEqualTo(expected.stderr());
	}

	/**
	 * Runs the installed command with the test's cache directory, and the given variables
	 * (an empty value unsets one).
	 */
	private Result daemoniker(Map<String, String> environment, String... args) {
		Map<String, String> variables = new TreeMap<>(Map.of("XDG_CACHE_HOME", this.cache.toString()));
		variables.putAll(environment);
		List<String> command = new ArrayList<>(List.of("env"));
		variables.forEach((name, value) -> {
			if (value.isEmpty()) {
				command.addAll(List.of("-u", name));
			}
		});
		variables.forEach((name, value) -> {
			if (!value.isEmpty()) {
				command.add(name + "=" + value);
			}
		});
		command.add(this.home.resolve("bin/daemoniker").toString());
		command.addAll(List.of(args));
		return this.daemons.run(command, this.directory);
	}

	private static List<Path> archives(Path directory) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			return files.filter((file) -> file.getFileName().toString().endsWith(".jsa")).sorted().toList();
		}
	}

	private static List<String> entries(Path directory) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			return files.map((file) -> file.getFileName().toString()).sorted().toList();
		}
	}

	private static int uid() throws IOException {
		return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid", LinkOption.NOFOLLOW_LINKS);
	}

}
