/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.platform;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;

import io.daemoniker.support.Daemons;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Finding a lock's holder in {@code /proc/locks}.
 */
class ProcLocksTests {

	@Test
	void picksTheWriteLockOfTheFileAndSkipsWaitersAndOtherFiles() {
		List<String> lines = List.of("1: POSIX  ADVISORY  READ 10 fd:01:131090 0 EOF",
				"2: POSIX  ADVISORY  WRITE 11 fd:01:999 0 EOF", "3: -> POSIX  ADVISORY  WRITE 12 fd:01:131090 0 EOF",
				"4: POSIX  ADVISORY  WRITE 4242 fd:01:131090 0 EOF");
		long device = (0xfdL << 8) | 0x01;
		assertThat(ProcLocks.holderOf(lines, device, 131090)).isEqualTo(LockHolder.process(4242));
		assertThat(ProcLocks.holderOf(lines, device, 5)).isEqualTo(LockHolder.none());
	}

	@Test
	void splitsLinesAtRunsOfSpacesAndTabsAndFindsDevicesPastByte255() {
		assertThat(ProcLocks.fields("  1: FLOCK\t ADVISORY  WRITE 7 103:02:9 0 EOF  ")).containsExactly("1:", "FLOCK",
				"ADVISORY", "WRITE", "7", "103:02:9", "0", "EOF");
		assertThat(ProcLocks.fields("")).isEmpty();
		long device = (0x103L << 8) | 0x02;
		assertThat(ProcLocks.holderOf(List.of("1: FLOCK  ADVISORY  WRITE 7 103:02:9 0 EOF"), device, 9))
			.isEqualTo(LockHolder.process(7));
	}

	@Test
	void namesTheHolderOfAnFlockLockAndDescribesOtherKinds() {
		long device = (0xfeL << 8);
		List<String> lines = List.of("1: FLOCK  ADVISORY  WRITE 77 fe:00:10 0 EOF",
				"2: OFDLCK ADVISORY  WRITE -1 fe:00:11 0 EOF", "3: FLOCK  ADVISORY  READ 78 fe:00:12 0 EOF",
				"4: POSIX  ADVISORY  READ 79 fe:00:12 0 EOF");
		assertThat(ProcLocks.holderOf(lines, device, 10)).isEqualTo(LockHolder.process(77));
		assertThat(ProcLocks.holderOf(lines, device, 11).state()).isEqualTo(LockHolder.State.FOREIGN);
		assertThat(ProcLocks.holderOf(lines, device, 11).description()).contains("OFD").contains("does not name");
		assertThat(ProcLocks.holderOf(lines, device, 12).description())
			.isEqualTo("pid 78 holds a shared flock lock, pid 79 holds a shared POSIX lock");
		assertThat(ProcLocks.otherThanFlockOf(lines, device, 10, 77)).isEmpty();
		assertThat(ProcLocks.otherThanFlockOf(lines, device, 12, 78))
			.hasValueSatisfying((others) -> assertThat(others).contains("pid 78 holds a shared flock lock"));
	}

	@Test
	@EnabledOnOs(OS.LINUX)
	void findsALockThisProcessHolds(@TempDir Path directory) throws IOException {
		Path file = directory.resolve("locked");
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
				FileLock lock = channel.lock()) {
			assertThat(ProcLocks.holderOf(file)).isEqualTo(LockHolder.process(ProcessHandle.current().pid()));
		}
		assertThat(ProcLocks.holderOf(file)).isEqualTo(LockHolder.none());
	}

	@Test
	@EnabledOnOs(OS.LINUX)
	void tellsWhichDescriptorHoldsAnFlockLockOfThisProcess(@TempDir Path directory) throws IOException {
		Path file = directory.resolve("locked");
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
				FileLock lock = channel.lock()) {
			// A POSIX lock of the JDK's own, on a descriptor of its own: not an flock
			// lock.
			int fd = LibC.open(file.toString(), UnixConstants.O_RDONLY | UnixConstants.O_CLOEXEC, 0);
			try {
				assertThat(ProcLocks.holdsOwnFlock(fd)).isFalse();
				LibC.flock(fd, UnixConstants.LOCK_EX | UnixConstants.LOCK_NB);
				assertThat(ProcLocks.holdsOwnFlock(fd)).isTrue();
			}
			finally {
				LibC.close(fd);
			}
			assertThat(ProcLocks.holdsOwnFlock(fd)).isFalse();
		}
	}

	@Test
	void readsTheLockLinesOfAnFdinfoFile() {
		String fdinfo = "pos:\t0\nflags:\t0100000\nmnt_id:\t25\nino:\t9\n"
				+ "lock:\t1: FLOCK  ADVISORY  WRITE 7 fe:00:9 0 EOF\nlock:\t2: POSIX  ADVISORY  READ 7 fe:00:9 0 EOF";
		List<String> lines = DescriptorLocks.lockLines(fdinfo);
		assertThat(lines).containsExactly("\t1: FLOCK  ADVISORY  WRITE 7 fe:00:9 0 EOF",
				"\t2: POSIX  ADVISORY  READ 7 fe:00:9 0 EOF");
		assertThat(ProcLocks.holderOf(lines, 0xfeL << 8, 9)).isEqualTo(LockHolder.process(7));
		assertThat(DescriptorLocks.lockLines("pos:\t0\nflags:\t02\n")).isEmpty();
	}

	/**
	 * Every kind of lock another process can hold: asking that process's descriptors
	 * first gives what {@code /proc/locks} says, whichever PID the file names.
	 */
	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "posix-read", "posix-write", "ofd-read", "ofd-write", "flock-shared", "flock-exclusive" })
	@EnabledOnOs(OS.LINUX)
	void askingTheNamedProcessFirstAgreesWithProcLocks(String kind, @TempDir Path directory) throws IOException {
		Path file = directory.resolve("app.pid");
		Files.writeString(file, "");
		try (Daemons daemons = new Daemons(directory)) {
			Process holder = locked(daemons, directory, file, kind);
			FileStat stat = FileStat.of(file, LinkOption.NOFOLLOW_LINKS);
			LockHolder expected = ProcLocks.holderOf(stat);
			boolean daemonLike = kind.equals("posix-write") || kind.equals("flock-exclusive");
			assertThat(expected.state()).isEqualTo(daemonLike ? LockHolder.State.PROCESS : LockHolder.State.FOREIGN);
			assertThat(DescriptorLocks.holdsDaemonLock(holder.pid(), stat, "app.pid")).isEqualTo(daemonLike);
			for (long named : new long[] { holder.pid(), ProcessHandle.current().pid(), 1, -1, 4194304 }) {
				assertThat(ProcLocks.holderOf(file, stat, named)).as("named %d", named).isEqualTo(expected);
			}
		}
	}

	@Test
	@EnabledOnOs(OS.LINUX)
	void anExclusiveLockOnAnotherFileOfTheSameNameIsNotTheLockOfThisOne(@TempDir Path directory) throws IOException {
		Path file = directory.resolve("app.pid");
		Path other = Files.createDirectory(directory.resolve("other")).resolve("app.pid");
		Files.writeString(file, "");
		Files.writeString(other, "");
		try (Daemons daemons = new Daemons(directory)) {
			Process holder = locked(daemons, directory, other, "flock-exclusive");
			FileStat stat = FileStat.of(file, LinkOption.NOFOLLOW_LINKS);
			assertThat(DescriptorLocks.holdsDaemonLock(holder.pid(), stat, "app.pid")).isFalse();
			assertThat(ProcLocks.holderOf(file, stat, holder.pid())).isEqualTo(LockHolder.none());
			assertThat(holder.isAlive()).isTrue();
		}
	}

	@Test
	@EnabledOnOs(OS.LINUX)
	void aReadAheadServesOneCheckAndTheNextCheckReadsTheLocksAnew(@TempDir Path directory) throws IOException {
		Path file = directory.resolve("app.pid");
		Files.writeString(file, "");
		FileStat stat = FileStat.of(file, LinkOption.NOFOLLOW_LINKS);
		long self = ProcessHandle.current().pid();
		ProcLocks.readAhead();
		assertThat(ProcLocks.otherThanFlockReadAheadOf(stat, self)).isEmpty();
		try (Daemons daemons = new Daemons(directory)) {
			Process holder = locked(daemons, directory, file, "posix-read");
			// The read ahead was used up before the lock was taken: this one is new.
			assertThat(ProcLocks.otherThanFlockReadAheadOf(stat, self)).get()
				.asString()
				.contains("POSIX")
				.contains(Long.toString(holder.pid()));
			ProcLocks.readAhead();
			assertThat(ProcLocks.otherThanFlockReadAheadOf(stat, self)).get()
				.asString()
				.contains(Long.toString(holder.pid()));
		}
	}

	private static Process locked(Daemons daemons, Path directory, Path file, String kind) {
		Process holder = daemons.startChild("io.daemoniker.testapp.ForeignLockApp", List.of(), file.toString(), kind);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> Daemons.read(directory.resolve("child-0.out")).contains("locked " + kind));
		return holder;
	}

}
