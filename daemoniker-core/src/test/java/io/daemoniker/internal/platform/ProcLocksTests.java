/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.platform;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

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

}
