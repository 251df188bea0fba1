/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.daemoniker.support.Daemons;
import io.daemoniker.support.Daemons.Result;
import io.daemoniker.support.DirectorySnapshot;
import io.daemoniker.support.RealDaemonTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * What an unprivileged user is told when a path is not theirs: launchers and
 * {@code status} run as {@code nobody} (through {@code setpriv}, so the tests need root)
 * against files and directories owned by root. Each message says "permission denied",
 * names the path and what to do, never a Java exception's class name.
 */
@EnabledOnOs(OS.LINUX)
class PermissionMessagesTests extends RealDaemonTests {

	private static final String NOBODY = "65534";

	private String classPath;

	@BeforeEach
	void copyClassPathWhereNobodyCanReadIt() throws IOException {
		assumeThat(System.getProperty("user.name")).as("setpriv needs root").isEqualTo("root");
		assumeThat(Path.of("/usr/bin/setpriv")).as("setpriv").exists();
		setMode(this.directory, "rwxr-xr-x");
		Path copy = Files.createDirectory(this.directory.resolve("cp"));
		List<String> entries = new ArrayList<>();
		int index = 0;
		for (String entry : Daemons.CLASSPATH.split(java.io.File.pathSeparator)) {
			Path source = Path.of(entry);
			Path target = copy.resolve((index++) + "-" + source.getFileName());
			copyTree(source, target);
			entries.add(target.toString());
		}
		this.classPath = String.join(java.io.File.pathSeparator, entries);
		// Where nobody may write: its working directory, logs and PID files of its own.
		setMode(Files.createDirectory(this.directory.resolve("tmp")), "rwxrwxrwx");
	}

	@Test
	void aPidFileInADirectoryThatIsNotWritableIsCalledPermissionDenied() throws IOException {
		Path run = Files.createDirectory(this.directory.resolve("run"));
		DirectorySnapshot before = DirectorySnapshot.of(run);
		Result launcher = launchAsNobody(run.resolve("app.pid"), this.directory.resolve("tmp/app.log"));
		assertPermissionDenied(launcher, run.toString());
		assertThat(DirectorySnapshot.of(run)).isEqualTo(before);
	}

	@Test
	void aPidFileBehindADirectoryThatCannotBeEnteredIsCalledPermissionDenied() throws IOException {
		Path secret = Files.createDirectory(this.directory.resolve("secret"));
		setMode(secret, "rwx------");
		Result launcher = launchAsNobody(secret.resolve("app.pid"), this.directory.resolve("tmp/app.log"));
		assertPermissionDenied(launcher, secret.toString());
	}

	@Test
	void aLogThatIsNotWritableIsCalledPermissionDenied() throws IOException {
		Path log = Files.writeString(this.directory.resolve("tmp/root.log"), "root's log\n");
		setMode(log, "rw-r--r--");
		Result launcher = launchAsNobody(this.directory.resolve("tmp/app.pid"), log);
		assertPermissionDenied(launcher, log.toString());
		assertThat(log).hasContent("root's log");
	}

	@Test
	void aPidFileThatCannotBeReadIsCalledPermissionDeniedByStatus() throws IOException {
		Path pidFile = Files.writeString(this.directory.resolve("tmp/root.pid"), "4194304\n");
		setMode(pidFile, "rw-------");
		List<String> command = new ArrayList<>(asNobody());
		command.addAll(List.of(Daemons.JAVA, "-cp", this.classPath, "io.daemoniker.cli.DaemonikerCli", "status",
				pidFile.toString()));
		Result status = this.daemons.run(command, this.directory);
		assertThat(status.exitCode()).as(status.toString()).isEqualTo(4);
		assertThat(status.stdout() + status.stderr()).contains(pidFile.toString())
			.contains("permission denied")
			.doesNotContain("Exception");
	}

	private Result launchAsNobody(Path pidFile, Path log) throws IOException {
		Path tmp = this.directory.resolve("tmp");
		List<String> command = new ArrayList<>(asNobody());
		command.addAll(List.of(Daemons.JAVA, this.daemons.marker(), "-cp", this.classPath, Daemons.APP,
				pidFile.toString(), log.toString()));
		return this.daemons.run(command, tmp);
	}

	private static List<String> asNobody() {
		return List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups");
	}

	private void assertPermissionDenied(Result launcher, String path) {
		assertThat(launcher.exitCode()).as(launcher.toString()).isNotZero();
		String firstLine = launcher.stderr()
			.lines()
			.filter((line) -> line.startsWith("Exception in thread"))
			.findFirst()
			.orElse("");
		assertThat(firstLine).as(launcher.toString())
			.contains("permission denied")
			.contains(path)
			.doesNotContain("AccessDeniedException");
		assertThat(this.daemons.liveProcesses()).isEmpty();
	}

	private static void setMode(Path path, String mode) throws IOException {
		Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
	}

	private static void copyTree(Path source, Path target) throws IOException {
		if (!Files.isDirectory(source)) {
			Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
			setMode(target, "rw-r--r--");
			return;
		}
		try (Stream<Path> walk = Files.walk(source)) {
			walk.forEach((path) -> {
				Path copy = target.resolve(source.relativize(path).toString());
				try {
					if (Files.isDirectory(path)) {
						Files.createDirectories(copy);
						setMode(copy, "rwxr-xr-x");
					}
					else {
						Files.copy(path, copy);
						setMode(copy, "rw-r--r--");
					}
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
	}

}
