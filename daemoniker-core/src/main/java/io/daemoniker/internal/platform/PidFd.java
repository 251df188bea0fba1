/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.platform;

import com.sun.jna.LastErrorException;

/**
 * Linux process descriptors ({@code pidfd_open}, {@code pidfd_send_signal}, Linux 5.3 and
 * later), called through {@code syscall} because older C libraries have no wrappers. A
 * process descriptor keeps naming the process it was opened for: once that process is
 * gone, signals sent through it fail instead of reaching a process that was given the
 * same PID.
 */
final class PidFd {

	private static final boolean SUPPORTED_ARCHITECTURE = isSupportedArchitecture();

	private static volatile boolean unavailable;

	private PidFd() {
	}

	/**
	 * Returns whether process descriptors may exist here: Linux on x86-64 or AArch64,
	 * where the system call numbers above hold, and a kernel that has not refused them.
	 * @return {@code true} if worth trying
	 */
	static boolean mayBeAvailable() {
		return SUPPORTED_ARCHITECTURE && !unavailable;
	}

	private static boolean isSupportedArchitecture() {
		String arch = System.getProperty("os.arch", "");
		return OperatingSystem.current() == OperatingSystem.LINUX
				&& (arch.equals("amd64") || arch.equals("x86_64") || arch.equals("aarch64"));
	}

	/**
	 * Opens a process descriptor.
	 * @param pid the process
	 * @return the descriptor, or {@code -1} if process descriptors are not available
	 * @throws LastErrorException if the process does not exist, or on other errors
	 */
	static int open(long pid) throws LastErrorException {
		try {
			return (int) LibC.syscall(LinuxConstants.SYS_PIDFD_OPEN, pid, 0, 0, 0);
		}
		catch (LastErrorException ex) {
			// LinuxConstants.ENOSYS before Linux 5.3; LinuxConstants.EPERM where a
			// seccomp filter (older container
			// runtimes) refuses system calls it does not know, since pidfd_open itself
			// checks no permission.
			if (ex.getErrorCode() == LinuxConstants.ENOSYS || ex.getErrorCode() == LinuxConstants.EPERM) {
				unavailable = true;
				return -1;
			}
			throw ex;
		}
	}

	/**
	 * Sends a signal through a process descriptor.
	 * @param pidfd the descriptor
	 * @param signum the signal
	 * @throws LastErrorException with {@code ESRCH} if the process has exited
	 */
	static void sendSignal(int pidfd, int signum) throws LastErrorException {
		LibC.syscall(LinuxConstants.SYS_PIDFD_SEND_SIGNAL, pidfd, signum, 0, 0);
	}

	/**
	 * Waits until the process of a descriptor has exited: a process descriptor becomes
	 * readable then, whether or not the process was reaped yet.
	 * @param pidfd the descriptor
	 * @param timeoutMillis how long to wait at most, {@code 0} to only look
	 * @return {@code true} if the process has exited
	 * @throws LastErrorException if the descriptor cannot be polled
	 */
	static boolean awaitExit(int pidfd, int timeoutMillis) throws LastErrorException {
		try (com.sun.jna.Memory pollfd = new com.sun.jna.Memory(8)) {
			// struct pollfd: int fd, short events, short revents.
			pollfd.setInt(0, pidfd);
			pollfd.setShort(4, LinuxConstants.POLLIN);
			pollfd.setShort(6, (short) 0);
			try {
				return LibC.poll(pollfd, 1, timeoutMillis) > 0;
			}
			catch (LastErrorException ex) {
				if (ex.getErrorCode() == LinuxConstants.EINTR) {
					return false;
				}
				throw ex;
			}
		}
	}

	/**
	 * Closes a process descriptor.
	 * @param pidfd the descriptor
	 */
	static void close(int pidfd) {
		try {
			LibC.close(pidfd);
		}
		catch (LastErrorException ex) {
			// The descriptor is released even when close reports an error.
		}
	}

}
