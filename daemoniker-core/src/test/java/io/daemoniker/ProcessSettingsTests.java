/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * Running as another user and preventing core dumps, on real daemons: what
 * {@code /proc/PID/status} and {@code /proc/PID/limits} say about them. Switching users
 * needs root, which these tests assume (the build machine runs as root), and the
 * unprivileged user {@code nobody}.
 */
@EnabledOnOs(OS.LINUX)
class ProcessSettingsTests {

	@TempDir
	Path temp;

	private Path directory;

	private final OpsProcesses processes = new OpsProcesses();

	@BeforeEach
	void openDirectory() throws IOException {
		// The temporary directory is private to root: let other users pass through it.
		Files.setPosixFilePermissions(this.temp, PosixFilePermissions.fromString("rwxr-xr-x"));
		this.directory = Files.createDirectory(this.temp.resolve("run"));
	}

	@AfterEach
	void tearDown() {
		this.processes.close();
	}

	@Test
	void preventsCoreDumps() throws Exception {
		Path pidFile = this.directory.resolve("app.pid");
		long pid = start(pidFile, "nocore");
		assertThat(coreLimit(pid)).contains("0 0");
		stop(pidFile, pid);
	}

	@Test
	void leavesCoreDumpsAloneByDefault() throws Exception {
		Path pidFile = this.directory.resolve("app.pid");
		long pid = start(pidFile);
		assertThat(coreLimit(pid)).isEqualTo(coreLimit(ProcessHandle.current().pid()));
		stop(pidFile, pid);
	}

	@Test
	void runsAsAnotherUserAndStillRemovesItsPidFile() throws Exception {
		assumeRootAndNobody();
		String nobody = Long.toString(OpsProcesses.uidOf("nobody").getAsLong());
		Files.setAttribute(this.directory, "unix:uid", Integer.parseInt(nobody));
		Path pidFile = this.directory.resolve("app.pid");
		Path log = this.directory.resolve("app.log");
		long pid = start(pidFile, log, "user=nobody");
		assertThat(OpsProcesses.status(pid, "Uid")).contains(String.join(" ", nobody, nobody, nobody, nobody));
		String gid = OpsProcesses.status(pid, "Gid").orElseThrow().split(" ")[0];
		assertThat(OpsProcesses.status(pid, "Gid")).contains(String.join(" ", gid, gid, gid, gid));
		assertThat(gid).isNotEqualTo("0");
		assertThat(OpsProcesses.status(pid, "Groups").orElse("")).doesNotContain("0 ").isNotEqualTo("0");
		assertThat(Files.getAttribute(pidFile, "unix:uid")).isEqualTo(Integer.parseInt(nobody));
		assertThat(Files.getAttribute(log, "unix:uid")).isEqualTo(Integer.parseInt(nobody));
		// Signals from root still reach it, and it removes its PID file as nobody.
		stop(pidFile, pid);
	}

	@Test
	void foregroundSwitchesUsersAndPreventsCoreDumpsToo() throws Exception {
		assumeRootAndNobody();
		String nobody = Long.toString(OpsProcesses.uidOf("nobody").getAsLong());
		Files.setAttribute(this.directory, "unix:uid", Integer.parseInt(nobody));
		Path pidFile = this.directory.resolve("app.pid");
		Path output = this.directory.resolve("console.log");
		ProcessBuilder builder = new ProcessBuilder(OpsProcesses.command(OpsDaemonFixture.class, pidFile.toString(),
				"-", "mode=foreground", "user=nobody", "nocore"));
		builder.redirectErrorStream(true).redirectOutput(output.toFile());
		Process process = this.processes.start(builder);
		await().atMost(Duration.ofSeconds(60))
			.until(() -> Files.readString(output).contains("started pid=" + process.pid()));
		assertThat(OpsProcesses.status(process.pid(), "Uid"))
			.contains(String.join(" ", nobody, nobody, nobody, nobody));
		assertThat(coreLimit(process.pid())).isEqualTo("0 0");
		assertThat(Files.readString(pidFile).trim()).isEqualTo(Long.toString(process.pid()));
		Daemoniker.send(pidFile, "TERM");
		assertThat(process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
		assertThat(pidFile).doesNotExist();
	}

	@Test
	void switchesGroupAsAsked() throws Exception {
		assumeRootAndNobody();
		Files.setPosixFilePermissions(this.directory, PosixFilePermissions.fromString("rwxrwxrwx"));
		Path pidFile = this.directory.resolve("app.pid");
		long pid = start(pidFile, "user=nobody", "group=0");
		assertThat(OpsProcesses.status(pid, "Gid")).contains("0 0 0 0");
		assertThat(OpsProcesses.status(pid, "Groups")).contains("0");
		stop(pidFile, pid);
	}

	@Test
	void refusesAPidFileDirectoryTheUserCannotWriteIn() throws Exception {
		assumeRootAndNobody();
		Path pidFile = this.directory.resolve("app.pid");
		OpsProcesses.Result launcher = launch(pidFile, this.directory.resolve("app.log"), "user=nobody");
		assertThat(launcher.exitCode()).isNotZero();
		assertThat(launcher.output()).contains("cannot run the daemon as nobody")
			.contains("cannot write in " + this.directory);
		assertThat(pidFile).doesNotExist();
	}

	@Test
	void refusesAnUnknownUser() throws Exception {
		assumeRootAndNobody();
		Path pidFile = this.directory.resolve("app.pid");
		OpsProcesses.Result launcher = launch(pidFile, this.directory.resolve("app.log"),
				"user=no-such-user-daemoniker");
		assertThat(launcher.exitCode()).isNotZero();
		assertThat(launcher.output())
			.contains("cannot run the daemon as user \"no-such-user-daemoniker\": no such user");
		assertThat(pidFile).doesNotExist();
	}

	@Test
	void refusesToSwitchUsersWhenNotRoot() throws Exception {
		assumeRootAndNobody();
		Optional<Path> setpriv = OpsProcesses.executable("setpriv");
		Optional<Path> runuser = OpsProcesses.executable("runuser");
		assumeThat(setpriv.isPresent() || runuser.isPresent())
			.as("neither setpriv nor runuser is installed to start a launcher as nobody")
			.isTrue();
		Files.setPosixFilePermissions(this.directory, PosixFilePermissions.fromString("rwxrwxrwx"));
		Path pidFile = this.directory.resolve("app.pid");
		List<String> command = new ArrayList<>();
		if (setpriv.isPresent()) {
			command.addAll(List.of(setpriv.get().toString(), "--reuid=nobody", "--regid=nogroup", "--clear-groups"));
		}
		else {
			command.addAll(List.of(runuser.get().toString(), "-u", "nobody", "--"));
		}
		command.addAll(List.of(OpsProcesses.java(), "-cp", classpathReadableByAll(), OpsDaemonFixture.class.getName(),
				pidFile.toString(), this.directory.resolve("app.log").toString(), "user=daemon"));
		OpsProcesses.Result launcher = this.processes.run(new ProcessBuilder(command));
		assertThat(launcher.exitCode()).isNotZero();
		assertThat(launcher.output()).contains("cannot run the daemon as user \"daemon\"")
			.contains("this process runs as nobody (uid " + OpsProcesses.uidOf("nobody").getAsLong() + ")")
			.contains("only root can switch users");
		assertThat(pidFile).doesNotExist();
		assertThat(this.directory.resolve("app.log")).doesNotExist();
	}

	/**
	 * The test class path with its jars copied out of the local Maven repository, which
	 * is private to root here.
	 */
	private String classpathReadableByAll() throws IOException {
		Path lib = Files.createDirectories(this.temp.resolve("lib"));
		List<String> entries = new ArrayList<>();
		for (String entry : OpsProcesses.classpath().split(java.io.File.pathSeparator)) {
			Path path = Path.of(entry);
			if (Files.isRegularFile(path)) {
				Path copy = lib.resolve(path.getFileName());
				Files.copy(path, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
				Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-r--r--"));
				entries.add(copy.toString());
			}
			else {
				entries.add(entry);
			}
		}
		return String.join(java.io.File.pathSeparator, entries);
	}

	private void assumeRootAndNobody() throws Exception {
		assumeThat(OpsProcesses.isRoot()).as("switching users needs root").isTrue();
		assumeThat(OpsProcesses.uidOf("nobody")).as("needs the user nobody").isPresent();
	}

	private long start(Path pidFile, String... extra) throws Exception {
		return start(pidFile, this.directory.resolve("app.log"), extra);
	}

	private long start(Path pidFile, Path log, String... extra) throws Exception {
		OpsProcesses.Result launcher = launch(pidFile, log, extra);
		assertThat(launcher.exitCode()).as(launcher.output()).isZero();
		long pid = this.processes.pidIn(pidFile);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> Files.exists(log) && Files.readString(log).contains("started pid=" + pid));
		return pid;
	}

	private OpsProcesses.Result launch(Path pidFile, Path log, String... extra) throws Exception {
		List<String> args = new ArrayList<>(List.of(pidFile.toString(), log.toString()));
		args.addAll(List.of(extra));
		return this.processes
			.run(new ProcessBuilder(OpsProcesses.command(OpsDaemonFixture.class, args.toArray(new String[0]))));
	}

	private void stop(Path pidFile, long pid) {
		assertThat(Daemoniker.stop(pidFile, Duration.ofSeconds(30))).isTrue();
		OpsProcesses.awaitGone(pid);
		assertThat(pidFile).doesNotExist();
	}

	private static String coreLimit(long pid) throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/limits"))) {
			if (line.startsWith("Max core file size")) {
				String[] fields = line.substring("Max core file size".length()).trim().split("\\s+");
				return fields[0] + " " + fields[1];
			}
		}
		throw new AssertionError("no core file size limit in /proc/" + pid + "/limits");
	}

}
