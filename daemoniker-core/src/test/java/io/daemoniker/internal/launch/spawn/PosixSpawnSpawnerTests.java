/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.launch.spawn;

import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import io.daemoniker.StartupException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Tests for {@link PosixSpawnSpawner} on real processes: the intermediate shell runs a
 * small shell command in place of the daemon JVM.
 */
@EnabledOnOs(OS.LINUX)
class PosixSpawnSpawnerTests {

	private static final String PREFIX = "PFX";

	@TempDir
	Path directory;

	private final List<Process> spawned = new ArrayList<>();

	private final List<Long> grandchildren = new ArrayList<>();

	private final List<FileInputStream> open = new ArrayList<>();

	@AfterEach
	void cleanUp() throws IOException {
		for (long pid : this.grandchildren) {
			ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
		}
		for (Process process : this.spawned) {
			process.destroyForcibly();
		}
		for (FileInputStream stream : this.open) {
			stream.close();
		}
	}

	@ParameterizedTest(name = "close ranges: {0}")
	@ValueSource(booleans = { true, false })
	void onlyStandardStreamsAndShieldedDescriptorsReachTheChild(boolean closeRanges) throws Exception {
		Path leaked = openFile("leaked.txt");
		Path shielded = openFile("shielded.txt");
		int shieldedFd = ProcFs.descriptorOf(shielded);
		// find runs as a child, so the listing shows the shell's descriptors alone.
		String listing = "find /proc/$$/fd -mindepth 1 -printf '%f %l\\n'";
		Process process = spawn(new PosixSpawnSpawner(closeRanges), Set.of(shieldedFd), "/bin/sh", "-c", listing);
		process.getOutputStream().close();
		List<String> lines = readLines(process);
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		Map<Integer, String> fds = new TreeMap<>();
		lines.stream().filter((line) -> !line.startsWith(PREFIX)).forEach((line) -> {
			int space = line.indexOf(' ');
			fds.put(Integer.parseInt(line.substring(0, space)), line.substring(space + 1));
		});
		assertThat(fds).containsOnlyKeys(0, 1, 2, shieldedFd);
		assertThat(fds).containsEntry(shieldedFd, shielded.toRealPath().toString());
		assertThat(fds.values()).doesNotContain(leaked.toRealPath().toString());
		assertThat(fds.get(0)).startsWith("pipe:");
		assertThat(fds.get(1)).startsWith("pipe:");
		assertThat(fds.get(2)).startsWith("pipe:");
	}

	@Test
	void shieldedDescriptorThreeSurvivesTheStandardInputHandOff() throws Exception {
		// The intermediate shell used to hand its standard input on through descriptor 3.
		String three = ProcFs.descriptors(ProcessHandle.current().pid()).get(3);
		assumeThat(three).as("descriptor 3 open in the test JVM").isNotNull();
		Process process = spawn(new PosixSpawnSpawner(), Set.of(3), "/bin/sh", "-c",
				"read line; echo \"got $line\"; echo \"3 $(readlink /proc/$$/fd/3)\"");
		try (OutputStream stdin = process.getOutputStream()) {
			stdin.write("hello\n".getBytes(StandardCharsets.UTF_8));
		}
		List<String> lines = readLines(process);
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(lines).contains("got hello", "3 " + three);
	}

	@Test
	void streamsReachTheChildAndItsExitStatusIsReported() throws Exception {
		Process process = spawn(new PosixSpawnSpawner(), Set.of(), "/bin/sh", "-c",
				"read line; echo \"got $line\"; echo oops >&2; exit 7");
		try (OutputStream stdin = process.getOutputStream()) {
			stdin.write("hello\n".getBytes(StandardCharsets.UTF_8));
		}
		String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(stdout).startsWith(PREFIX + " spawned ").endsWith("got hello\n");
		assertThat(stderr).isEqualTo("oops\n");
		assertThat(process.exitValue()).isEqualTo(7);
		assertThat(process.isAlive()).isFalse();
	}

	@Test
	void childLeadsANewSessionWithoutTerminalAndTheDaemonDoesNot() throws Exception {
		Process process = spawn(new PosixSpawnSpawner(), Set.of(), "/bin/sh", "-c", "cat /proc/$$/stat");
		process.getOutputStream().close();
		List<String> lines = readLines(process);
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		// The intermediate shell names the daemon after starting it, so the daemon's own
		// output may come first.
		String stat = lines.stream().filter((line) -> !line.startsWith(PREFIX + " spawned ")).findFirst().orElseThrow();
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		long daemon = Long.parseLong(stat.substring(0, stat.indexOf(' ')));
		assertThat(Long.parseLong(fields[3])).as("session").isEqualTo(process.pid()).isNotEqualTo(daemon);
		assertThat(Long.parseLong(fields[4])).as("terminal").isZero();
		assertThat(Long.parseLong(fields[3])).isNotEqualTo(ProcFs.session(ProcessHandle.current().pid()));
	}

	@Test
	void destroyEndsTheIntermediateShell() throws Exception {
		Process process = spawn(new PosixSpawnSpawner(), Set.of(), "sleep", "60");
		BufferedReader stdout = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		String spawnedLine = stdout.readLine();
		assertThat(spawnedLine).startsWith(PREFIX + " spawned ");
		this.grandchildren.add(Long.parseLong(spawnedLine.substring(spawnedLine.lastIndexOf(' ') + 1)));
		assertThat(process.isAlive()).isTrue();
		process.destroy();
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).isEqualTo(128 + 15);
		assertThat(process.isAlive()).isFalse();
		assertThat(Files.exists(Path.of("/proc", Long.toString(process.pid()), "stat")))
			.as("the intermediate was reaped")
			.isFalse();
	}

	@Test
	void shieldingADescriptorThatIsNotOpenIsRefused() {
		assertThatExceptionOfType(StartupException.class)
			.isThrownBy(() -> spawn(new PosixSpawnSpawner(), Set.of(987), "true"))
			.withMessageContaining("descriptor 987")
			.withMessageContaining("not open");
	}

	@Test
	void descriptorsAreClosedUpToTheSoftLimitOnOpenFiles() throws IOException {
		String limits = Files.readString(Path.of("/proc/self/limits"));
		String soft = limits.lines()
			.filter((line) -> line.startsWith("Max open files"))
			.map((line) -> line.substring("Max open files".length()).trim().split("\\s+")[0])
			.findFirst()
			.orElseThrow();
		int expected = "unlimited".equals(soft) ? 77 : Integer.parseInt(soft);
		assertThat(PosixSpawnSpawner.descriptorLimit(77)).isEqualTo(expected);
	}

	private Path openFile(String name) throws IOException {
		Path file = Files.writeString(this.directory.resolve(name), name);
		this.open.add(new FileInputStream(file.toFile()));
		return file;
	}

	private Process spawn(PosixSpawnSpawner spawner, Set<Integer> shielded, String... command) throws IOException {
		DaemonSpawner.Spec spec = new DaemonSpawner.Spec(this.directory, 022, List.of(command), shielded, 1024, PREFIX);
		Process process = spawner.spawn(spec);
		this.spawned.add(process);
		return process;
	}

	private static List<String> readLines(Process process) throws IOException {
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		return output.lines().toList();
	}

}
