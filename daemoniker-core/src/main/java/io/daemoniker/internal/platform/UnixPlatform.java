/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;

/**
 * Linux, macOS and other Unixes. Reads {@code /proc} where it exists, which costs no
 * native load, and falls back to C calls through JNA elsewhere.
 */
final class UnixPlatform implements Platform {

	private final OperatingSystem os = OperatingSystem.current();

	@Override
	public StatusChannel redirectStdio(Path stdin, Path stdout, Path stderr) throws IOException {
		int in = open(stdin, UnixConstants.O_RDONLY, 0);
		int status = -1;
		try {
			// The launcher's pipe, kept aside before standard output is replaced.
			status = LibC.dup(1);
			StandardStreams.reopen(stdout, stderr);
			LibC.dup2(in, 0);
			FdStatusChannel channel = new FdStatusChannel(status);
			status = -1;
			return channel;
		}
		catch (LastErrorException ex) {
			throw new IOException("cannot redirect standard streams: " + LibC.describe(ex.getErrorCode()), ex);
		}
		finally {
			closeQuietly(in);
			closeQuietly(status);
		}
	}

	private static int open(Path path, int flags, int mode) throws IOException {
		try {
			return LibC.open(path.toString(), flags, mode);
		}
		catch (LastErrorException ex) {
			throw new IOException("cannot open " + path + ": " + LibC.describe(ex.getErrorCode()), ex);
		}
	}

	private static void closeQuietly(int fd) {
		if (fd > 2) {
			try {
				LibC.close(fd);
			}
			catch (LastErrorException ex) {
				// Nothing useful can be done about a failed close of a descriptor we
				// opened.
			}
		}
	}

	@Override
	public void restoreIgnoredSignals(int... signums) {
		long ignoredMask = (this.os == OperatingSystem.LINUX) ? ignoredSignalMask() : -1;
		for (int signum : signums) {
			if (ignoredMask != -1 && (ignoredMask & (1L << (signum - 1))) == 0) {
				continue;
			}
			long previous = LibC.signal(signum, UnixConstants.SIG_DFL);
			if (previous != UnixConstants.SIG_IGN) {
				// It was not ignored: put back whatever the JVM had installed.
				LibC.signal(signum, previous);
			}
		}
	}

	/**
	 * Reads the mask of ignored signals from {@code /proc/self/status}, so that no native
	 * call is needed when nothing is ignored.
	 */
	private static long ignoredSignalMask() {
		Optional<String> mask = OwnStatus.field("SigIgn");
		if (mask.isPresent()) {
			try {
				return Long.parseUnsignedLong(mask.get(), 16);
			}
			catch (NumberFormatException ex) {
				// Fall through: check every signal with native calls instead.
			}
		}
		return -1;
	}

	@Override
	public void kill(long pid, int signum) throws IOException {
		refuseProcOfAnotherNamespace(pid, signum);
		try {
			LibC.kill(Math.toIntExact(pid), signum);
		}
		catch (LastErrorException ex) {
			throw new IOException(
					"cannot send signal " + signum + " to pid " + pid + ": " + LibC.describe(ex.getErrorCode()), ex);
		}
	}

	/**
	 * Refuses to signal where {@code /proc} shows the processes of another PID namespace
	 * ({@code unshare --pid} without {@code --mount-proc}, a container given the host's
	 * {@code /proc}). Every PID that Linux's checks read there, the PID file's lock
	 * holder among them, is then the ID of a process in that namespace, and the same
	 * number names another process, or none, in this one: the daemon that was checked
	 * would not be the process that is signalled.
	 */
	private void refuseProcOfAnotherNamespace(long pid, int signum) throws IOException {
		if (this.os != OperatingSystem.LINUX) {
			return;
		}
		Optional<String> foreign = CurrentProcess.procOfAnotherNamespace();
		if (foreign.isPresent()) {
			throw new IOException("not sending signal " + signum + " to pid " + pid + ": " + foreign.get()
					+ ", so the PID it names may be another process here; run this where /proc is mounted for"
					+ " this PID namespace");
		}
	}

	/**
	 * On Linux, pins the process with a process descriptor before the check and signals
	 * through it, so that a PID reused between the check and the signal is never hit.
	 */
	@Override
	public boolean killIf(long pid, int signum, BooleanSupplier stillTheProcess) throws IOException {
		refuseProcOfAnotherNamespace(pid, signum);
		if (!PidFd.mayBeAvailable()) {
			return Platform.super.killIf(pid, signum, stillTheProcess);
		}
		int pidfd;
		try {
			pidfd = PidFd.open(pid);
		}
		catch (LastErrorException ex) {
			throw new IOException(
					"cannot send signal " + signum + " to pid " + pid + ": " + LibC.describe(ex.getErrorCode()), ex);
		}
		if (pidfd < 0) {
			return Platform.super.killIf(pid, signum, stillTheProcess);
		}
		try {
			if (!stillTheProcess.getAsBoolean()) {
				return false;
			}
			try {
				PidFd.sendSignal(pidfd, signum);
			}
			catch (LastErrorException ex) {
				if (ex.getErrorCode() != LinuxConstants.EPERM && ex.getErrorCode() != LinuxConstants.ENOSYS) {
					throw ex;
				}
				// Refused by a filter that let pidfd_open through, or really not
				// permitted: kill() tells which.
				kill(pid, signum);
			}
			return true;
		}
		catch (LastErrorException ex) {
			throw new IOException(
					"cannot send signal " + signum + " to pid " + pid + ": " + LibC.describe(ex.getErrorCode()), ex);
		}
		finally {
			PidFd.close(pidfd);
		}
	}

	@Override
	public OptionalLong lockHolder(Path file) throws IOException {
		LockHolder holder = lockHolderOf(file);
		return switch (holder.state()) {
			case NONE -> OptionalLong.empty();
			case PROCESS -> OptionalLong.of(holder.pid());
			case UNNAMED, FOREIGN -> OptionalLong.of(UNNAMED_HOLDER);
		};
	}

	@Override
	public LockHolder lockHolderOf(Path file) throws IOException {
		if (this.os == OperatingSystem.LINUX) {
			return ProcLocks.holderOf(file);
		}
		return fcntlLockHolder(file);
	}

	@Override
	public LockHolder lockHolderOf(Path file, FileStat checked) throws IOException {
		if (this.os == OperatingSystem.LINUX) {
			return ProcLocks.holderOf(checked);
		}
		return fcntlLockHolder(file);
	}

	@Override
	public LockHolder lockHolderOf(Path file, FileStat checked, long named) throws IOException {
		if (this.os == OperatingSystem.LINUX) {
			return ProcLocks.holderOf(file, checked, named);
		}
		return fcntlLockHolder(file);
	}

	@Override
	public void listLocksAhead() {
		if (this.os == OperatingSystem.LINUX) {
			ProcLocks.readAhead();
		}
	}

	@Override
	public Optional<String> otherLocksListedAhead(FileStat file, long holder) throws IOException {
		if (this.os != OperatingSystem.LINUX) {
			return Optional.empty();
		}
		return ProcLocks.otherThanFlockReadAheadOf(file, holder);
	}

	@Override
	public Optional<String> otherLocks(FileStat file, long holder) throws IOException {
		if (this.os != OperatingSystem.LINUX) {
			return Optional.empty();
		}
		return ProcLocks.otherThanFlockOf(file, holder);
	}

	/**
	 * Asks {@code fcntl(F_GETLK)} who holds a lock, where there is no
	 * {@code /proc/locks}. The BSDs report {@code flock} locks too, which daemons take,
	 * but without the holder (pid {@code -1}): the PID file's content must then be
	 * checked in other ways. Closing the descriptor opened here drops no lock that
	 * matters: a daemon's {@code flock} lock belongs to its own open file.
	 */
	private static LockHolder fcntlLockHolder(Path file) throws IOException {
		try (UnixFile opened = UnixFile.openExisting(file, false); Memory flock = new Memory(64)) {
			if (opened.stat().kind() != FileKind.REGULAR) {
				throw new IOException(file + " is not a regular file");
			}
			flock.clear();
			// struct flock on the BSDs: off_t l_start, off_t l_len, pid_t l_pid, short
			// l_type, short l_whence. A zero start and length cover the whole file.
			flock.setShort(20, (short) UnixConstants.F_WRLCK);
			opened.fcntl(UnixConstants.F_GETLK, flock);
			if (flock.getShort(20) == UnixConstants.F_UNLCK) {
				return LockHolder.none();
			}
			int pid = flock.getInt(16);
			if (flock.getShort(20) != UnixConstants.F_WRLCK) {
				return LockHolder.foreign(((pid > 0) ? "pid " + pid : "a process") + " holds a shared lock");
			}
			return (pid > 0) ? LockHolder.process(pid) : LockHolder.unnamedFlock();
		}
	}

	/**
	 * The channel to the launcher: a duplicate of the standard output the daemon started
	 * with.
	 */
	private static final class FdStatusChannel implements StatusChannel {

		private int fd;

		FdStatusChannel(int fd) {
			this.fd = fd;
		}

		@Override
		public synchronized void writeLine(String line) throws IOException {
			if (this.fd < 0) {
				throw new IOException("the channel to the launcher is closed");
			}
			byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
			int offset = 0;
			try {
				while (offset < bytes.length) {
					byte[] rest = (offset == 0) ? bytes : Arrays.copyOfRange(bytes, offset, bytes.length);
					offset += (int) LibC.write(this.fd, rest, rest.length);
				}
			}
			catch (LastErrorException ex) {
				throw new IOException("cannot write to the launcher: " + LibC.describe(ex.getErrorCode()), ex);
			}
		}

		@Override
		public synchronized void close() {
			if (this.fd >= 0) {
				closeQuietly(this.fd);
				this.fd = -1;
			}
		}

	}

}
