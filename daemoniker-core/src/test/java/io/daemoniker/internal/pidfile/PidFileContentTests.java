/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.pidfile;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PID file's text, and rewriting it while it is held, as Windows daemons do on each
 * signal.
 */
class PidFileContentTests {

	@TempDir
	Path directory;

	@Test
	void parsesThePidOnTheFirstLine() {
		assertThat(PidFileContent.parse("1234\n")).hasValue(1234L);
		assertThat(PidFileContent.parse(" 1234 ")).hasValue(1234L);
		// A shorter PID written over a longer one, before the file is cut to length.
		assertThat(PidFileContent.parse("1234\n54\n")).hasValue(1234L);
	}

	@Test
	void refusesWhatIsNoPid() {
		assertThat(PidFileContent.parse("")).isEmpty();
		assertThat(PidFileContent.parse("\n1234\n")).isEmpty();
		assertThat(PidFileContent.parse("12a4\n")).isEmpty();
		assertThat(PidFileContent.parse("0\n")).isEmpty();
		assertThat(PidFileContent.parse("-5\n")).isEmpty();
	}

	@Test
	void onlyAnEmptyFileOrAPidAndALineBreakMayBeReclaimed() {
		assertThat(reclaimable("")).isTrue();
		assertThat(reclaimable("1234")).isTrue();
		assertThat(reclaimable("1234\n")).isTrue();
		assertThat(reclaimable("1234\r\n")).isTrue();
		assertThat(reclaimable("9223372036854775807\n")).isTrue();
		assertThat(reclaimable("1234\nextra\n")).isFalse();
		assertThat(reclaimable("1234\n\n")).isFalse();
		assertThat(reclaimable(" 1234\n")).isFalse();
		assertThat(reclaimable("0\n")).isFalse();
		assertThat(reclaimable("\n")).isFalse();
		assertThat(reclaimable("# services\n")).isFalse();
		assertThat(reclaimable("\u0661\n")).isFalse();
		assertThat(reclaimable("99999999999999999999\n")).isFalse();
		// A sample shorter than the file: more follows that was not read.
		assertThat(PidFileContent.isReclaimable("12\n".getBytes(StandardCharsets.US_ASCII), 4000)).isFalse();
	}

	@Test
	void describesWhatAForeignFileHolds() {
		assertThat(
				PidFileContent.describe("# Network services\nftp 21/tcp\n".getBytes(StandardCharsets.US_ASCII), 3000))
			.isEqualTo("3000 bytes (text: \"# Network services?f...\")");
		assertThat(PidFileContent.describe(new byte[] { 0x7f, 'E', 'L', 'F', 0 }, 5))
			.isEqualTo("5 bytes of binary data");
		assertThat(PidFileContent.describe("42\nmore\n".getBytes(StandardCharsets.US_ASCII), 8))
			.startsWith("8 bytes (a PID followed by more");
	}

	private static boolean reclaimable(String text) {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		return PidFileContent.isReclaimable(bytes, bytes.length);
	}

	@Test
	void windowsContentRecordsTheStartInstantOnTheSecondLine() {
		Instant started = Instant.parse("2026-12-01T14:20:34.123Z");
		String text = PidFileContent.format(4321, started);
		assertThat(text).isEqualTo("4321\nstarted 2026-12-01T14:20:34.123Z\n");
		assertThat(PidFileContent.parse(text)).hasValue(4321L);
		assertThat(PidFileContent.parseStarted(text)).hasValue(started);
		assertThat(PidFileContent.parseStarted("4321\n")).isEmpty();
		assertThat(PidFileContent.parseStarted("4321\nstarted 2026-12-01T14:20")).isEmpty();
		assertThat(PidFileContent.parseStarted("4321\nstarted yesterday\n")).isEmpty();
		assertThat(PidFileContent.parseStarted("4321\nbegan 2026-12-01T14:20:34.123Z\n")).isEmpty();
		// What a Windows daemon left behind is a stale PID file like any other.
		assertThat(reclaimable(text)).isTrue();
		assertThat(reclaimable(text + "more\n")).isFalse();
	}

	@Test
	void rewritingKeepsTheLockAndLeavesExactlyTheNewPid() throws Exception {
		Path pidFile = this.directory.resolve("app.pid");
		long own = ProcessHandle.current().pid();
		try (PidFileLock lock = PidFileLock.acquire(pidFile, own)) {
			lock.write(1234567);
			assertThat(Files.readString(pidFile)).isEqualTo("1234567\n");
			lock.write(42);
			assertThat(Files.readString(pidFile)).isEqualTo("42\n");
			lock.write(own);
			assertThat(Files.readString(pidFile)).isEqualTo(own + "\n");
			assertThat(PidFileLock.heldByThisProcess(pidFile)).containsSame(lock);
			assertThat(PidFileLock.onlyHeld()).containsSame(lock);
		}
		assertThat(pidFile).doesNotExist();
		assertThat(PidFileLock.onlyHeld()).isEmpty();
	}

}
