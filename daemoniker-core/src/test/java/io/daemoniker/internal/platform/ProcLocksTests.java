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
		assertThat(ProcLocks.holderOf(lines, device, 131090)).hasValue(4242);
		assertThat(ProcLocks.holderOf(lines, device, 5)).isEmpty();
	}

	@Test
	@EnabledOnOs(OS.LINUX)
	void findsALockThisProcessHolds(@TempDir Path directory) throws IOException {
		Path file = directory.resolve("locked");
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
				FileLock lock = channel.lock()) {
			assertThat(ProcLocks.holderOf(file)).hasValue(ProcessHandle.current().pid());
		}
		assertThat(ProcLocks.holderOf(file)).isEmpty();
	}

}
