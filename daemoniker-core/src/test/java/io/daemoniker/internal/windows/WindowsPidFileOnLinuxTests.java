/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.windows;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import io.daemoniker.DaemonStatus;
import io.daemoniker.DaemonStatus.State;
import io.daemoniker.internal.pidfile.PidFileInspector;
import io.daemoniker.internal.pidfile.PidFileLock;
import io.daemoniker.internal.platform.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Windows PID file on a real Linux kernel: a child JVM that believes it runs on
 * Windows (its {@code os.name} says so) takes the Windows lock layout and publishes real
 * JVM sentinels; the Windows inspection (lock probe, no named holder) reads it from
 * outside, and real signals end the sentinels, as {@code TerminateProcess} does on
 * Windows.
 */
@EnabledOnOs(OS.LINUX)
class WindowsPidFileOnLinuxTests {

	private static final String CLASSPATH = System.getProperty("daemoniker.test.classpath",
			System.getProperty("java.class.path"));

	private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

	/** The Windows inspection: the lock probe, which cannot name the holder. */
	private static final PidFileInspector WINDOWS_INSPECTOR = new PidFileInspector(new ProbeOnlyPlatform());

	@TempDir
	Path directory;

	private final List<Process> children = new ArrayList<>();

	@AfterEach
	void tearDown() {
		for (Process child : this.children) {
			child.descendants().forEach(ProcessHandle::destroyForcibly);
			child.destroyForcibly();
		}
	}

	@Test
	void daemonLocksOnlyAByteFarPastTheContentAndPublishesSentinels() throws Exception {
		Path pidFile = this.directory.resolve("daemon.pid");
		Path log = this.directory.resolve("daemon.out");
		Process daemon = start(pidFile, log);
		long firstSentinel = Long.parseLong(awaitLine(log, "ready ").substring(6));
		// The content stays readable, with the instant the sentinel started; the lock
		// covers one byte far past it.
		assertThat(Files.readString(pidFile)).isEqualTo(firstSentinel + "\nstarted " + startOf(firstSentinel) + "\n");
		assertThat(lockRanges(pidFile))
			.containsExactly(PidFileLock.WINDOWS_LOCK_POSITION + "-" + PidFileLock.WINDOWS_LOCK_POSITION);
		assertThat(ProcessHandle.of(firstSentinel).flatMap(ProcessHandle::parent).map(ProcessHandle::pid))
			.hasValue(daemon.pid());
		DaemonStatus status = WINDOWS_INSPECTOR.inspect(pidFile);
		assertThat(status.state()).as(status.description()).isEqualTo(State.RUNNING);
		assertThat(status.pid()).hasValue(firstSentinel);

		// A signal ends the sentinel; the daemon handles it and publishes the next one.
		kill(firstSentinel, "TERM");
		awaitLine(log, "signal 15");
		await().atMost(Duration.ofSeconds(30)).until(() -> pidIn(pidFile) != firstSentinel);
		long secondSentinel = pidIn(pidFile);
		assertThat(secondSentinel).isNotEqualTo(daemon.pid());
		assertThat(WINDOWS_INSPECTOR.inspect(pidFile).pid()).hasValue(secondSentinel);
		kill(secondSentinel, "HUP");
		awaitLine(log, "signal 1");

		// Closing the signal source gives the daemon its own PID back.
		try (OutputStream stdin = daemon.getOutputStream()) {
			stdin.write("close\n".getBytes(StandardCharsets.US_ASCII));
			stdin.flush();
			awaitLine(log, "closed");
			assertThat(pidIn(pidFile)).isEqualTo(daemon.pid());
			assertThat(WINDOWS_INSPECTOR.inspect(pidFile).pid()).hasValue(daemon.pid());
			assertThat(daemon.descendants().filter(ProcessHandle::isAlive).count()).isZero();
		}
		// A dead daemon leaves the lock free: the file is stale.
		daemon.destroyForcibly().waitFor();
		assertThat(WINDOWS_INSPECTOR.inspect(pidFile).state()).isEqualTo(State.STALE);
		assertThat(Files.readString(log)).doesNotContain("daemoniker:").doesNotContain("WARNING:");
	}

	@Test
	void lockedFileNamingAProcessThatStartedAtAnotherInstantIsNotTrusted() throws Exception {
		Path pidFile = this.directory.resolve("daemon.pid");
		Path log = this.directory.resolve("daemon.out");
		start(pidFile, log);
		long sentinel = Long.parseLong(awaitLine(log, "ready ").substring(6));
		// As if the sentinel had ended and its PID were given to a newer process: the
		// file still records the sentinel's start.
		Process newer = new ProcessBuilder("sleep", "60").start();
		this.children.add(newer);
		overwrite(pidFile, newer.pid() + "\nstarted " + startOf(sentinel) + "\n");
		DaemonStatus status = WINDOWS_INSPECTOR.inspect(pidFile);
		assertThat(status.state()).isEqualTo(State.UNTRUSTED);
		assertThat(status.description()).contains("pid " + newer.pid())
			.contains("started at " + startOf(newer.pid()))
			.contains("reused")
			.contains("refusing");
	}

	@Test
	void sentinelIsTrustedHoweverLongAgoTheFileWasModified() throws Exception {
		Path pidFile = this.directory.resolve("daemon.pid");
		Path log = this.directory.resolve("daemon.out");
		start(pidFile, log);
		long sentinel = Long.parseLong(awaitLine(log, "ready ").substring(6));
		// NTFS leaves the modification time alone while the daemon keeps the file open:
		// a sentinel started long after it is still the one the file names.
		Files.setLastModifiedTime(pidFile, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
		DaemonStatus status = WINDOWS_INSPECTOR.inspect(pidFile);
		assertThat(status.state()).as(status.description()).isEqualTo(State.RUNNING);
		assertThat(status.pid()).hasValue(sentinel);
	}

	@Test
	void lockedFileWithoutTheStartInstantIsNotTrusted() throws Exception {
		Path pidFile = this.directory.resolve("daemon.pid");
		Path log = this.directory.resolve("daemon.out");
		start(pidFile, log);
		long sentinel = Long.parseLong(awaitLine(log, "ready ").substring(6));
		overwrite(pidFile, sentinel + "\n");
		DaemonStatus status = WINDOWS_INSPECTOR.inspect(pidFile);
		assertThat(status.state()).isEqualTo(State.UNTRUSTED);
		assertThat(status.description()).contains("without the instant it started").contains("refusing");
	}

	@Test
	void lockedFileNamingNoLiveProcessIsNotTrustedAndSaysToTryAgain() throws Exception {
		Path pidFile = this.directory.resolve("daemon.pid");
		Path log = this.directory.resolve("daemon.out");
		start(pidFile, log);
		awaitLine(log, "ready ");
		Process gone = new ProcessBuilder("true").start();
		gone.waitFor();
		overwrite(pidFile, gone.pid() + "\n");
		DaemonStatus status = WINDOWS_INSPECTOR.inspect(pidFile);
		assertThat(status.state()).isEqualTo(State.UNTRUSTED);
		assertThat(status.description()).contains("pid " + gone.pid() + " that it names is not running")
			.contains("try again");
	}

	@Test
	void probeFindsNoHolderOnAFreeFileAndThisProcessOnItsOwn() throws Exception {
		Path free = this.directory.resolve("free.pid");
		Files.writeString(free, "123\n");
		assertThat(WindowsLockProbe.holderOf(free)).isEmpty();
		Path own = this.directory.resolve("own.pid");
		try (PidFileLock lock = PidFileLock.acquire(own, ProcessHandle.current().pid())) {
			assertThat(WINDOWS_INSPECTOR.inspect(own).pid()).hasValue(ProcessHandle.current().pid());
			assertThat(PidFileLock.heldByThisProcess(own)).containsSame(lock);
		}
		assertThat(own).doesNotExist();
	}

	/**
	 * Rewrites the content through a channel of this process, which takes no lock.
	 */
	private static void overwrite(Path pidFile, String content) throws IOException {
		try (var channel = java.nio.channels.FileChannel.open(pidFile, java.nio.file.StandardOpenOption.WRITE)) {
			channel.truncate(0);
			channel.write(java.nio.ByteBuffer.wrap(content.getBytes(StandardCharsets.US_ASCII)));
		}
	}

	private static Instant startOf(long pid) {
		return ProcessHandle.of(pid).flatMap((process) -> process.info().startInstant()).orElseThrow();
	}

	private Process start(Path pidFile, Path log) throws IOException {
		Process process = new ProcessBuilder(JAVA, "-Dtest.pretendOs=Windows Server 2022", "-cp", CLASSPATH,
				"io.daemoniker.testapp.SentinelDaemonApp", pidFile.toString())
			.directory(this.directory.toFile())
			.redirectOutput(log.toFile())
			.redirectErrorStream(true)
			.start();
		this.children.add(process);
		return process;
	}

	private static String awaitLine(Path log, String prefix) {
		await().atMost(Duration.ofSeconds(60)).until(() -> line(log, prefix) != null);
		return line(log, prefix);
	}

	private static String line(Path log, String prefix) {
		try {
			return Files.readAllLines(log).stream().filter((line) -> line.startsWith(prefix)).findFirst().orElse(null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static long pidIn(Path pidFile) throws IOException {
		return Long.parseLong(Files.readAllLines(pidFile).get(0));
	}

	/**
	 * Returns the byte ranges locked on a file, from {@code /proc/locks}.
	 */
	private static List<String> lockRanges(Path file) throws IOException {
		Map<String, Object> attributes = Files.readAttributes(file, "unix:ino");
		String inode = ":" + attributes.get("ino");
		List<String> ranges = new ArrayList<>();
		for (String line : Files.readAllLines(Path.of("/proc/locks"))) {
			String[] fields = line.trim().split("\\s+");
			if (fields.length >= 8 && !"->".equals(fields[1]) && fields[5].endsWith(inode)) {
				ranges.add(fields[6] + "-" + fields[7]);
			}
		}
		return ranges;
	}

	private static void kill(long pid, String signal) throws Exception {
		Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
		assertThat(kill.waitFor()).isZero();
	}

	/**
	 * The Windows platform's PID-file inspection, without the Windows calls it does not
	 * need.
	 */
	private static final class ProbeOnlyPlatform implements Platform {

		@Override
		public StatusChannel redirectStdio(Path stdin, Path stdout, Path stderr) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void restoreIgnoredSignals(int... signums) {
		}

		@Override
		public void kill(long pid, int signum) {
			throw new UnsupportedOperationException();
		}

		@Override
		public OptionalLong lockHolder(Path file) throws IOException {
			return WindowsLockProbe.holderOf(file);
		}

	}

}
