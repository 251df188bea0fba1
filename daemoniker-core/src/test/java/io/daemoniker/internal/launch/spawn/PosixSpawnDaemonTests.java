/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.launch.spawn;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.daemoniker.internal.platform.Processes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts real daemons through {@link PosixSpawnSpawner} from a launcher JVM running
 * {@link PosixSpawnTestDaemon}, and checks them in {@code /proc}.
 */
@EnabledOnOs(OS.LINUX)
class PosixSpawnDaemonTests {

	private static final int SIGHUP = 1;

	private static final int SIGTSTP = 20;

	@TempDir
	Path directory;

	private final List<Long> daemons = new ArrayList<>();

	private final List<Process> launchers = new ArrayList<>();

	/**
	 * Marks every JVM a test starts, so that a daemon whose PID was never learnt is
	 * found.
	 */
	private final String marker = "-Dposix.spawn.test=" + UUID.randomUUID();

	@AfterEach
	void stopEverything() throws IOException {
		for (Process launcher : this.launchers) {
			launcher.destroyForcibly();
		}
		ProcessHandle.allProcesses()
			.filter((process) -> process.info().arguments().map(List::of).orElse(List.of()).contains(this.marker))
			.forEach((process) -> this.daemons.add(process.pid()));
		for (long pid : this.daemons) {
			ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
			Processes.awaitGone(pid, Duration.ofSeconds(10));
		}
		Files.deleteIfExists(this.directory.resolve("daemon.pid"));
	}

	@Test
	void daemonIsInANewSessionThatItDoesNotLeadWithoutTerminalAndNotAChildOfTheLauncher() throws Exception {
		Launch launch = launch(List.of(), true, false);
		long daemon = launch.daemonPid();
		long session = ProcFs.session(daemon);
		assertThat(session).as("session").isNotEqualTo(ProcFs.session(ProcessHandle.current().pid()));
		assertThat(session).as("session leader").isNotEqualTo(daemon);
		assertThat(ProcFs.terminal(daemon)).as("controlling terminal").isZero();
		assertThat(ProcFs.parent(daemon)).as("parent").isNotEqualTo(launch.launcherPid());
	}

	@Test
	void launcherDescriptorsAreClosedInTheDaemonExceptTheShieldedOne() throws Exception {
		Launch launch = launch(List.of(), true, true);
		Map<Integer, String> fds = ProcFs.descriptors(launch.daemonPid());
		assertThat(fds.values()).doesNotContain(leakedFile().toRealPath().toString());
		assertThat(fds).containsEntry(launch.shieldedFd(), shieldedFile().toRealPath().toString());
	}

	@Test
	void signalsIgnoredByTheLauncherAreNotIgnoredByTheDaemon() throws Exception {
		// As under nohup; TSTP as well, because the daemon itself restores HUP.
		Launch launch = launch(List.of("/bin/sh", "-c", "trap '' HUP TSTP; exec \"$0\" \"$@\""), true, false);
		assertThat(launch.launcherIgnored() & bit(SIGHUP)).as("HUP ignored by the launcher").isNotZero();
		assertThat(launch.launcherIgnored() & bit(SIGTSTP)).as("TSTP ignored by the launcher").isNotZero();
		long ignored = ProcFs.ignoredSignals(launch.daemonPid());
		assertThat(ignored & bit(SIGHUP)).as("HUP ignored by the daemon").isZero();
		assertThat(ignored & bit(SIGTSTP)).as("TSTP ignored by the daemon").isZero();
	}

	@Test
	void shieldedDescriptorIsInheritedWithoutAskingForPosixSpawn() throws Exception {
		Launch launch = launch(List.of(), false, true);
		Map<Integer, String> fds = ProcFs.descriptors(launch.daemonPid());
		assertThat(fds).containsEntry(launch.shieldedFd(), shieldedFile().toRealPath().toString());
		assertThat(fds.values()).doesNotContain(leakedFile().toRealPath().toString());
	}

	private Launch launch(List<String> wrapper, boolean forcePosix, boolean shield) throws Exception {
		Files.writeString(leakedFile(), "leaked");
		Files.writeString(shieldedFile(), "shielded");
		Path pidFile = this.directory.resolve("daemon.pid");
		Path output = this.directory.resolve("launcher.out");
		List<String> command = new ArrayList<>(wrapper);
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add(this.marker);
		if (forcePosix) {
			command.add("-D" + Spawners.SPAWNER_PROPERTY + "=posix");
		}
		command.addAll(List.of("-cp", testClassPath(), PosixSpawnTestDaemon.class.getName(), pidFile.toString(),
				leakedFile().toString(), shield ? shieldedFile().toString() : "-"));
		Process launcher = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.start();
		this.launchers.add(launcher);
		boolean exited = launcher.waitFor(90, TimeUnit.SECONDS);
		// Known before any assertion, so that the daemon is cleaned up even if one fails.
		if (Files.exists(pidFile)) {
			String pid = Files.readString(pidFile, StandardCharsets.US_ASCII).trim();
			if (!pid.isEmpty()) {
				this.daemons.add(Long.parseLong(pid));
			}
		}
		String printed = Files.readString(output);
		assertThat(exited).as("launcher exited; it printed: %s", printed).isTrue();
		assertThat(launcher.exitValue()).as("launcher exit status; it printed: %s", printed).isZero();
		assertThat(this.daemons).as("daemon PID in " + pidFile).hasSize(1);
		return new Launch(launcher.pid(), this.daemons.get(0), (int) reported(printed, "shielded ", 10),
				reported(printed, "ignored ", 16));
	}

	private static long reported(String printed, String prefix, int radix) {
		return printed.lines()
			.filter((line) -> line.startsWith(prefix))
			.mapToLong((line) -> Long.parseUnsignedLong(line.substring(prefix.length()).trim(), radix))
			.findFirst()
			.orElse(-1);
	}

	private Path leakedFile() {
		return this.directory.resolve("leaked.txt");
	}

	private Path shieldedFile() {
		return this.directory.resolve("shielded.txt");
	}

	private static String testClassPath() {
		String classPath = System.getProperty("daemoniker.test.classpath");
		assertThat(classPath).as("system property daemoniker.test.classpath, set by the build").isNotBlank();
		return classPath;
	}

	private static long bit(int signum) {
		return 1L << (signum - 1);
	}

	private record Launch(long launcherPid, long daemonPid, int shieldedFd, long launcherIgnored) {

	}

}
