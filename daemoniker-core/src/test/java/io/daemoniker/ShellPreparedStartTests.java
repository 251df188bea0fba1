/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.daemoniker.support.Daemons;
import io.daemoniker.support.Daemons.Result;
import io.daemoniker.support.Proc;
import io.daemoniker.support.RealDaemonTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The start that the intermediate shell prepares on Linux, so that the daemon loads no
 * native code on its way to "ready": what the daemon inherits and what is left behind,
 * every way back to a daemon that prepares itself (no {@code flock}, one without
 * {@code --no-fork}, a temporary directory that others could rewrite or that is missing),
 * a launcher killed in the middle, and a PID file changed under the shell's lock.
 */
@EnabledOnOs(OS.LINUX)
class ShellPreparedStartTests extends RealDaemonTests {

	private Path temporary;

	@BeforeEach
	void createTemporaryDirectory() throws IOException {
		this.temporary = Files.createDirectory(this.directory.resolve("tmp"));
	}

	@Test
	void theDaemonHoldsItsOwnLockThroughOneDescriptorAndLoadsNoNativeCode() throws IOException {
		Result launcher = this.daemons.launch(this.pidFile, this.log, tmpdir(this.temporary));
		assertThat(launcher.exitCode()).as(launcher.toString()).isZero();
		long pid = Daemons.pidIn(this.pidFile);
		assertThat(startVariable(pid)).hasValueSatisfying((value) -> assertThat(value).contains(" prepared 1 "));
		assertThat(Daemoniker.status(this.pidFile).pid()).hasValue(pid);
		// The daemon closes the FIFO right after the line that its launcher may already
		// have read and exited on: give it that instant.
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(Proc.fds(pid))
				.noneMatch((fd) -> fd.contains("pipe:") || fd.contains(this.temporary.toString())));
		assertThat(Proc.fds(pid)).filteredOn((fd) -> fd.endsWith(" -> " + this.pidFile)).hasSize(1);
		assertThat(mapsJna(pid)).as("JNA's native library is mapped").isFalse();
		assertThat(entries(this.temporary)).as("the start's private directory is gone").isEmpty();
	}

	@Test
	void withoutFlockTheDaemonTakesItsPidFileItself() throws IOException {
		Result launcher = this.daemons.launch(this.pidFile, this.log, tmpdir(this.temporary),
				"-Ddaemoniker.flock=" + this.directory.resolve("no-such-flock"));
		assertThat(launcher.exitCode()).as(launcher.toString()).isZero();
		long pid = Daemons.pidIn(this.pidFile);
		assertThat(startVariable(pid)).hasValueSatisfying((value) -> assertThat(value).contains(" classic 0 "));
		assertThat(Daemoniker.status(this.pidFile).pid()).hasValue(pid);
		assertThat(mapsJna(pid)).as("JNA's native library is mapped").isTrue();
		assertThat(entries(this.temporary)).isEmpty();
	}

	@Test
	void aFlockThatCannotBecomeItsCommandLeavesTheStartToTheDaemon() throws IOException {
		Path oldFlock = this.directory.resolve("flock");
		Files.writeString(oldFlock, "#!/bin/sh\necho \"flock: invalid option -- 'F'\" >&2\nexit 64\n");
		Files.setPosixFilePermissions(oldFlock, PosixFilePermissions.fromString("rwxr-xr-x"));
		Result launcher = this.daemons.launch(this.pidFile, this.log, tmpdir(this.temporary),
				"-Ddaemoniker.flock=" + oldFlock);
		assertThat(launcher.exitCode()).as(launcher.toString()).isZero();
		assertThat(launcher.stderr()).doesNotContain("invalid option");
		long pid = Daemons.pidIn(this.pidFile);
		assertThat(startVariable(pid)).hasValueSatisfying((value) -> assertThat(value).contains(" classic 0 "));
		assertThat(Daemoniker.status(this.pidFile).pid()).hasValue(pid);
		assertThat(entries(this.temporary)).isEmpty();
	}

	@Test
	void aTemporaryDirectoryThatOthersMayRewriteIsNotUsed() throws IOException {
		Files.setPosixFilePermissions(this.temporary, PosixFilePermissions.fromString("rwxrwxrwx"));
		Result launcher = this.daemons.launch(this.pidFile, this.log, tmpdir(this.temporary));
		assertThat(launcher.exitCode()).as(launcher.toString()).isZero();
		assertThat(startVariable(Daemons.pidIn(this.pidFile))).isEmpty();
		assertThat(entries(this.temporary)).isEmpty();
	}

	@Test
	void aMissingTemporaryDirectoryIsNotCreated() throws IOException {
		Path missing = this.directory.resolve("missing");
		Result launcher = this.daemons.launch(this.pidFile, this.log, tmpdir(missing));
		assertThat(launcher.exitCode()).as(launcher.toString()).isZero();
		assertThat(startVariable(Daemons.pidIn(this.pidFile))).isEmpty();
		assertThat(missing).doesNotExist();
	}

	@Test
	void aLongTemporaryDirectoryIsNoLimit() throws IOException {
		Path deep = Files.createDirectories(this.temporary.resolve("d".repeat(200)).resolve("e".repeat(200)));
		Result launcher = this.daemons.launch(this.pidFile, this.log, tmpdir(deep));
		assertThat(launcher.exitCode()).as(launcher.toString()).isZero();
		assertThat(startVariable(Daemons.pidIn(this.pidFile)))
			.hasValueSatisfying((value) -> assertThat(value).contains(" prepared "));
		assertThat(entries(deep)).isEmpty();
	}

	@Test
	void aLauncherKilledInTheMiddleLeavesARunningDaemonAndNoRequest() throws Exception {
		Path mark = this.directory.resolve("daemon-ran");
		Path latch = this.directory.resolve("latch");
		Process launcher = this.daemons.startChild(Daemons.APP,
				List.of(tmpdir(this.temporary), "-Dtest.daemonMark=" + mark, "-Dtest.daemonLatch=" + latch),
				this.pidFile.toString(), this.log.toString());
		await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(mark));
		Daemons.kill(launcher.pid(), "KILL");
		assertThat(launcher.waitFor(30, TimeUnit.SECONDS)).isTrue();
		Files.createFile(latch);
		Daemons.awaitLog(this.log, "daemon started pid=");
		long pid = Daemons.pidIn(this.pidFile);
		assertThat(Daemoniker.status(this.pidFile).pid()).hasValue(pid);
		try (Stream<Path> left = Files.walk(this.temporary)) {
			assertThat(left).as("no launch request is left").noneMatch((path) -> path.endsWith("request"));
		}
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "fifo", "text", "dangling symbolic link" })
	void aPidFileReplacedAfterTheShellLockedItIsJudgedAnew(String what) throws Exception {
		Path mark = this.directory.resolve("daemon-ran");
		Path go = this.directory.resolve("go");
		CompletableFuture<Result> launcher = CompletableFuture.supplyAsync(() -> this.daemons.launch(this.pidFile,
				this.log, tmpdir(this.temporary), "-Dtest.daemonMark=" + mark, "-Dtest.daemonAwait=" + go));
		// Once the daemon's JVM runs, the shell has locked the PID file.
		await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(mark));
		Path replacement = this.directory.resolve("replacement");
		String reason = switch (what) {
			case "fifo" -> {
				run("mkfifo", replacement.toString());
				yield "a FIFO";
			}
			case "text" -> {
				Files.writeString(replacement, "precious notes\n");
				yield "not a PID";
			}
			default -> {
				Files.createSymbolicLink(replacement, this.directory.resolve("elsewhere"));
				yield "symbolic link";
			}
		};
		Files.move(replacement, this.pidFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		Files.createFile(go);
		Result result = launcher.get(120, TimeUnit.SECONDS);
		assertThat(result.exitCode()).as(result.toString()).isNotZero();
		assertThat(result.stderr()).as(result.toString()).contains(this.pidFile.toString()).contains(reason);
		assertThat(this.daemons.liveProcesses()).isEmpty();
		if ("text".equals(what)) {
			assertThat(Files.readString(this.pidFile)).isEqualTo("precious notes\n");
		}
		assertThat(this.directory.resolve("elsewhere")).doesNotExist();
	}

	@Test
	void anotherProgramLockingThePidFileThatTheShellMadeIsRefused() throws Exception {
		Path mark = this.directory.resolve("daemon-ran");
		Path go = this.directory.resolve("go");
		CompletableFuture<Result> launcher = CompletableFuture.supplyAsync(() -> this.daemons.launch(this.pidFile,
				this.log, tmpdir(this.temporary), "-Dtest.daemonMark=" + mark, "-Dtest.daemonAwait=" + go));
		await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(mark));
		Process holder = this.daemons.startChild("io.daemoniker.testapp.LockHolderApp", List.of(),
				this.pidFile.toString(), "");
		// The launcher above is the fixture's first child, the holder its second.
		Daemons.awaitLog(this.directory.resolve("child-1.out"), "locked");
		Files.createFile(go);
		Result result = launcher.get(120, TimeUnit.SECONDS);
		assertThat(result.exitCode()).as(result.toString()).isNotZero();
		assertThat(result.stderr()).contains(this.pidFile.toString()).contains("locked by another program");
		assertThat(holder.isAlive()).as("the other program got no signal").isTrue();
		assertThat(this.daemons.liveProcesses()).containsExactly(holder.pid());
	}

	private static String tmpdir(Path directory) {
		return "-Djava.io.tmpdir=" + directory;
	}

	/**
	 * Tells whether JNA's native library is mapped into a process: installed as
	 * {@code libjnidispatch.so}, or extracted to a temporary {@code jna<digits>.tmp}.
	 */
	private static boolean mapsJna(long pid) throws IOException {
		String maps = Files.readString(Path.of("/proc", Long.toString(pid), "maps"));
		return maps.contains("jnidispatch") || Pattern.compile("/jna[0-9]+\\.tmp").matcher(maps).find();
	}

	private static Optional<String> startVariable(long pid) throws IOException {
		byte[] environment = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "environ"));
		return Stream.of(new String(environment, StandardCharsets.UTF_8).split("\0"))
			.filter((entry) -> entry.startsWith("DAEMONIKER_START="))
			.findFirst();
	}

	private static List<Path> entries(Path directory) throws IOException {
		try (Stream<Path> entries = Files.list(directory)) {
			return entries.toList();
		}
	}

	private static void run(String... command) throws Exception {
		Process process = new ProcessBuilder(command).inheritIO().start();
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(String.join(" ", command)).isZero();
	}

}
