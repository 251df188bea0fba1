/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.pidfile;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinNT;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PID file on a real Windows file system.
 */
@EnabledOnOs(OS.WINDOWS)
class PidFileOnWindowsTests {

	@TempDir
	Path directory;

	/**
	 * The start instant a Windows PID file records is the creation time that
	 * {@code GetProcessTimes} reports for the process handle, in milliseconds.
	 */
	@Test
	void recordedStartInstantIsTheCreationTimeOfGetProcessTimes() throws Exception {
		Path pidFile = this.directory.resolve("app.pid");
		long pid = ProcessHandle.current().pid();
		try (PidFileLock lock = PidFileLock.acquire(pidFile, pid)) {
			Instant recorded = PidFileContent.parseStarted(Files.readString(pidFile)).orElseThrow();
			WinNT.HANDLE process = Kernel32.INSTANCE.OpenProcess(WinNT.PROCESS_QUERY_LIMITED_INFORMATION, false,
					(int) pid);
			try {
				WinBase.FILETIME created = new WinBase.FILETIME();
				assertThat(Kernel32.INSTANCE.GetProcessTimes(process, created, new WinBase.FILETIME(),
						new WinBase.FILETIME(), new WinBase.FILETIME()))
					.isTrue();
				assertThat(recorded.toEpochMilli()).isEqualTo(created.toTime());
			}
			finally {
				Kernel32.INSTANCE.CloseHandle(process);
			}
		}
	}

	/**
	 * Under legacy delete semantics a deleted file that is still open stays until it is
	 * closed, and creating it again is denied meanwhile; under POSIX semantics it is gone
	 * at once. Either way the start succeeds.
	 */
	@Test
	void startWaitsForAPidFileThatIsBeingDeletedToGo() throws Exception {
		Path pidFile = this.directory.resolve("app.pid");
		Files.writeString(pidFile, "123\n");
		FileChannel stillOpen = FileChannel.open(pidFile, StandardOpenOption.READ);
		Files.delete(pidFile);
		Thread closer = new Thread(() -> {
			try {
				Thread.sleep(300);
				stillOpen.close();
			}
			catch (IOException | InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
		});
		closer.start();
		try (PidFileLock lock = PidFileLock.acquire(pidFile, ProcessHandle.current().pid())) {
			assertThat(PidFileLock.heldByThisProcess(pidFile)).containsSame(lock);
			assertThat(Files.readAllLines(pidFile).get(0)).isEqualTo(Long.toString(ProcessHandle.current().pid()));
		}
		closer.join();
		assertThat(pidFile).doesNotExist();
	}

}
