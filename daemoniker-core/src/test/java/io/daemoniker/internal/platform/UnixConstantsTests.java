/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.sun.jna.LastErrorException;
import com.sun.jna.platform.linux.Fcntl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The running system's C constants against its real kernel: each flag does what its name
 * says and each error number is the one the kernel gives, so that a wrong value in
 * {@link LinuxConstants} or {@link MacOsConstants} fails here rather than in a PID file.
 */
@EnabledOnOs({ OS.LINUX, OS.MAC })
class UnixConstantsTests {

	@TempDir
	Path directory;

	@Test
	void openFlagsAndItsErrorsAreTheKernels() throws Exception {
		Path file = Files.writeString(this.directory.resolve("app.pid"), "42\n");
		Path link = Files.createSymbolicLink(this.directory.resolve("link.pid"), file);
		assertThat(errnoOf(() -> LibC.open(link.toString(), UnixConstants.O_RDONLY | UnixConstants.O_NOFOLLOW, 0)))
			.isEqualTo(UnixConstants.ELOOP);
		assertThat(errnoOf(() -> LibC.open(file.toString(),
				UnixConstants.O_RDWR | UnixConstants.O_CREAT | UnixConstants.O_EXCL, 0600)))
			.isEqualTo(UnixConstants.EEXIST);
		assertThat(errnoOf(() -> LibC.open(this.directory.resolve("missing").toString(), UnixConstants.O_RDONLY, 0)))
			.isEqualTo(UnixConstants.ENOENT);
		assertThat(errnoOf(() -> LibC.open(this.directory.toString(), UnixConstants.O_WRONLY, 0)))
			.isEqualTo(UnixConstants.EISDIR);
		int created = LibC.open(this.directory.resolve("new.pid").toString(),
				UnixConstants.O_WRONLY | UnixConstants.O_CREAT | UnixConstants.O_EXCL | UnixConstants.O_CLOEXEC, 0600);
		try {
			assertThat(LibC.fcntl(created, UnixConstants.F_GETFD, 0) & UnixConstants.FD_CLOEXEC).isNotZero();
		}
		finally {
			LibC.close(created);
		}
		int appending = LibC.open(file.toString(), UnixConstants.O_WRONLY | UnixConstants.O_APPEND, 0);
		try {
			byte[] more = "43\n".getBytes(StandardCharsets.US_ASCII);
			LibC.write(appending, more, more.length);
		}
		finally {
			LibC.close(appending);
		}
		assertThat(Files.readString(file)).isEqualTo("42\n43\n");
	}

	@Test
	void aFifoOpensWithoutBlockingUnderONonblock() throws Exception {
		Path fifo = this.directory.resolve("fifo");
		Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
		assertThat(mkfifo.waitFor()).isZero();
		// Without O_NONBLOCK this open would wait for a writer forever.
		int fd = LibC.open(fifo.toString(), UnixConstants.O_RDONLY | UnixConstants.O_NONBLOCK, 0);
		LibC.close(fd);
	}

	@Test
	void aSecondFlockFailsWithEWouldBlockAndDuplicatesKeepCloseOnExec() throws IOException {
		Path file = Files.writeString(this.directory.resolve("app.pid"), "42\n");
		int first = LibC.open(file.toString(), UnixConstants.O_RDONLY | UnixConstants.O_CLOEXEC, 0);
		int second = LibC.open(file.toString(), UnixConstants.O_RDONLY | UnixConstants.O_CLOEXEC, 0);
		try {
			LibC.flock(first, UnixConstants.LOCK_EX | UnixConstants.LOCK_NB);
			assertThat(errnoOf(() -> LibC.flock(second, UnixConstants.LOCK_EX | UnixConstants.LOCK_NB)))
				.isEqualTo(UnixConstants.EWOULDBLOCK);
			int duplicate = LibC.fcntl(first, UnixConstants.F_DUPFD_CLOEXEC, 100);
			try {
				assertThat(duplicate).isGreaterThanOrEqualTo(100);
				assertThat(LibC.fcntl(duplicate, UnixConstants.F_GETFD, 0) & UnixConstants.FD_CLOEXEC).isNotZero();
				LibC.fcntl(duplicate, UnixConstants.F_SETFD, 0);
				assertThat(LibC.fcntl(duplicate, UnixConstants.F_GETFD, 0) & UnixConstants.FD_CLOEXEC).isZero();
			}
			finally {
				LibC.close(duplicate);
			}
		}
		finally {
			LibC.close(second);
			LibC.close(first);
		}
	}

	@Test
	void armsLinuxHasItsOwnONofollow() {
		assertThat(LinuxConstants.isArm("aarch64")).isTrue();
		assertThat(LinuxConstants.isArm("arm")).isTrue();
		assertThat(LinuxConstants.isArm("amd64")).isFalse();
		if (!LinuxConstants.isArm(System.getProperty("os.arch"))) {
			assertThat(LinuxConstants.O_NOFOLLOW).isEqualTo(Fcntl.O_NOFOLLOW);
		}
	}

	private static int errnoOf(Executable call) {
		LastErrorException failure = catchThrowableOfType(LastErrorException.class, call::execute);
		assertThat(failure).as("the call failed").isNotNull();
		return failure.getErrorCode();
	}

}
