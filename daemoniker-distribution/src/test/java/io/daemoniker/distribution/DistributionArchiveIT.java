/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.distribution;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.zip.ZipFile;

import io.daemoniker.support.Daemons;
import io.daemoniker.support.Daemons.Result;
import io.daemoniker.support.RealDaemonTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The distribution archives, unpacked as a person would, and the {@code daemoniker}
 * command in them run for real: its version, a PID file that does not exist, a real
 * daemon's status and stop, and the ways an installation can be broken.
 */
@EnabledOnOs({ OS.LINUX, OS.MAC })
class DistributionArchiveIT extends RealDaemonTests {

	@Test
	void unpackedTarGzPrintsItsVersion() throws IOException {
		Path home = Installation.unpack("tar.gz", Files.createDirectory(this.directory.resolve("install")));
		assertThat(Files.isExecutable(home.resolve("bin/daemoniker"))).isTrue();
		assertThat(home.resolve("lib/daemoniker-cli.jar")).isRegularFile();
		assertThat(home.resolve("LICENSE")).isRegularFile();
		assertThat(home.resolve("NOTICE")).isRegularFile();
		Result version = daemoniker(home, List.of("--version"), Map.of());
		assertThat(version.exitCode()).as(version.toString()).isZero();
		assertThat(version.stdout()).isEqualTo("daemoniker " + Installation.VERSION + System.lineSeparator());
		assertThat(version.stderr()).isEmpty();
	}

	@Test
	void unpackedZipRunsTooAndHoldsTheSameFiles() throws IOException {
		Path home = Installation.unpack("zip", Files.createDirectory(this.directory.resolve("install")));
		Result version = daemoniker(home, List.of("--version"), Map.of());
		assertThat(version.exitCode()).as(version.toString()).isZero();
		assertThat(version.stdout()).startsWith("daemoniker " + Installation.VERSION);
		assertThat(entries(Installation.archive("zip"))).isEqualTo(tarEntries());
	}

	@Test
	void statusOfAMissingPidFileSaysNotRunning() throws IOException {
		Path home = Installation.unpack("tar.gz", Files.createDirectory(this.directory.resolve("install")));
		Path missing = this.directory.resolve("missing.pid");
		Result status = daemoniker(home, List.of("status", missing.toString()), Map.of());
		assertThat(status.exitCode()).as(status.toString()).isEqualTo(3);
		assertThat(status.stdout()).isEmpty();
		assertThat(status.stderr()).contains(missing.toString()).hasLineCount(1);
		assertThat(missing).doesNotExist();
	}

	@Test
	void statusAndStopOfARealDaemon() throws IOException {
		Path home = Installation.unpack("tar.gz", Files.createDirectory(this.directory.resolve("install")));
		Result launch = this.daemons.launch(this.pidFile, this.log);
		assertThat(launch.exitCode()).as(launch.toString()).isZero();
		long pid = Daemons.pidIn(this.pidFile);
		Result status = daemoniker(home, List.of("status", this.pidFile.toString()), Map.of());
		assertThat(status.exitCode()).as(status.toString()).isZero();
		assertThat(status.stdout()).contains("running (pid " + pid + ")");
		Result stop = daemoniker(home, List.of("stop", this.pidFile.toString()), Map.of());
		assertThat(stop.exitCode()).as(stop.toString()).isZero();
		assertThat(stop.stdout()).contains("stopped (pid " + pid + ")");
		// JDK 24 and later warn about native access unless the jar's manifest enables it.
		assertThat(stop.stderr()).doesNotContain("WARNING");
		Daemons.awaitGone(pid);
		assertThat(this.pidFile).doesNotExist();
	}

	@Test
	void worksThroughASymbolicLinkOnThePath() throws IOException {
		Path home = Installation.unpack("tar.gz", Files.createDirectory(this.directory.resolve("install")));
		Path bin = Files.createDirectory(this.directory.resolve("bin"));
		Files.createSymbolicLink(bin.resolve("daemoniker"), home.resolve("bin/daemoniker"));
		Result version = this.daemons.run(List.of(bin.resolve("daemoniker").toString(), "--version"), this.directory);
		assertThat(version.exitCode()).as(version.toString()).isZero();
		assertThat(version.stdout()).startsWith("daemoniker " + Installation.VERSION);
	}

	@Test
	void aJavaHomeWithoutJavaIsNamed() throws IOException {
		Path home = Installation.unpack("tar.gz", Files.createDirectory(this.directory.resolve("install")));
		Path notAJdk = Files.createDirectory(this.directory.resolve("not-a-jdk"));
		Result version = daemoniker(home, List.of("--version"), Map.of("JAVA_HOME", notAJdk.toString()));
		assertThat(version.exitCode()).isEqualTo(1);
		assertThat(version.stdout()).isEmpty();
		assertThat(version.stderr()).contains("JAVA_HOME", notAJdk.toString()).hasLineCount(1);
	}

	@Test
	void aMissingJarIsNamed() throws IOException {
		Path home = Installation.unpack("tar.gz", Files.createDirectory(this.directory.resolve("install")));
		Files.delete(home.resolve("lib/daemoniker-cli.jar"));
		Result version = daemoniker(home, List.of("--version"), Map.of());
		assertThat(version.exitCode()).isEqualTo(1);
		assertThat(version.stderr()).contains("lib/daemoniker-cli.jar", "missing").hasLineCount(1);
	}

	@Test
	void theShellScriptHasUnixLineEndsAndTheWindowsScriptWindowsOnes() throws IOException {
		try (ZipFile zip = new ZipFile(Installation.archive("zip").toFile())) {
			String prefix = "daemoniker-" + Installation.VERSION + "/bin/";
			String sh = new String(zip.getInputStream(zip.getEntry(prefix + "daemoniker")).readAllBytes(),
					StandardCharsets.UTF_8);
			String cmd = new String(zip.getInputStream(zip.getEntry(prefix + "daemoniker.cmd")).readAllBytes(),
					StandardCharsets.UTF_8);
			assertThat(sh).startsWith("#!/bin/sh\n").doesNotContain("\r");
			assertThat(cmd.split("\n")).allMatch((line) -> line.isEmpty() || line.endsWith("\r"));
			assertThat(cmd).contains("not yet run on Windows", "lib\\daemoniker-cli.jar");
		}
	}

	@Test
	void theCliJarEnablesNativeAccess() throws IOException {
		Path home = Installation.unpack("tar.gz", Files.createDirectory(this.directory.resolve("install")));
		try (JarFile jar = new JarFile(home.resolve("lib/daemoniker-cli.jar").toFile())) {
			assertThat(jar.getManifest().getMainAttributes().getValue("Enable-Native-Access")).isEqualTo("ALL-UNNAMED");
			assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
				.isEqualTo("io.daemoniker.cli.DaemonikerCli");
		}
	}

	private Result daemoniker(Path home, List<String> args, Map<String, String> environment) {
		List<String> command = new ArrayList<>();
		command.add("env");
		// The command's class-data archive goes to the test's directory, not the user's.
		if (!environment.containsKey("XDG_CACHE_HOME")) {
			command.add("XDG_CACHE_HOME=" + this.directory.resolve("cache"));
		}
		environment.forEach((name, value) -> command.add(name + "=" + value));
		command.add(home.resolve("bin/daemoniker").toString());
		command.addAll(args);
		return this.daemons.run(command, this.directory);
	}

	private static TreeSet<String> entries(Path zip) throws IOException {
		TreeSet<String> names = new TreeSet<>();
		try (ZipFile file = new ZipFile(zip.toFile())) {
			file.stream().filter((entry) -> !entry.isDirectory()).forEach((entry) -> names.add(entry.getName()));
		}
		return names;
	}

	private TreeSet<String> tarEntries() {
		Result list = this.daemons.run(List.of("tar", "-tzf", Installation.archive("tar.gz").toString()),
				this.directory);
		TreeSet<String> names = new TreeSet<>();
		list.stdout().lines().filter((line) -> !line.endsWith("/")).forEach(names::add);
		return names;
	}

}
