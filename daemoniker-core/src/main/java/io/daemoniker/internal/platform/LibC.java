/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.platform;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * The C library functions that the platform layer needs on Unix. Functions with a fixed
 * argument list are bound by JNA direct mapping, the cheapest way to call them. Variadic
 * functions ({@code open}, {@code fcntl}) are bound by interface mapping in
 * {@link Variadic}: direct mapping passes every argument as a fixed one, and on Apple's
 * arm64 ABI variadic arguments travel on the stack instead, so the mode of {@code open}
 * and the {@code struct flock} pointer of {@code fcntl} would arrive as garbage
 * ({@link #syscall}, used on Linux only, is the exception). Loading this class loads JNA:
 * keep it off paths that can do without.
 */
final class LibC {

	static {
		Native.register(LibC.class, JnaLoading.cLibrary());
	}

	private LibC() {
	}

	/**
	 * Opens a file ({@code open(2)}, variadic).
	 * @param path the path
	 * @param flags the flags
	 * @param mode the mode of a file that {@code O_CREAT} creates
	 * @return the descriptor
	 * @throws LastErrorException if it fails
	 */
	static int open(String path, int flags, int mode) throws LastErrorException {
		return Variadic.INSTANCE.open(path, flags, mode);
	}

	/**
	 * Calls {@code fcntl(2)} (variadic) with a pointer argument.
	 * @param fd the descriptor
	 * @param command the command
	 * @param argument its argument, such as a {@code struct flock}
	 * @return what {@code fcntl} returns
	 * @throws LastErrorException if it fails
	 */
	static int fcntl(int fd, int command, Pointer argument) throws LastErrorException {
		return Variadic.INSTANCE.fcntl(fd, command, argument);
	}

	/**
	 * Calls {@code fcntl(2)} (variadic) with an integer argument.
	 * @param fd the descriptor
	 * @param command the command
	 * @param argument its argument
	 * @return what {@code fcntl} returns
	 * @throws LastErrorException if it fails
	 */
	static int fcntl(int fd, int command, int argument) throws LastErrorException {
		return Variadic.INSTANCE.fcntl(fd, command, argument);
	}

	/**
	 * Makes a system call by number ({@code syscall(2)}), for calls that older C
	 * libraries have no wrapper for; Linux on x86-64 and AArch64 only ({@link PidFd}).
	 * Bound by direct mapping although {@code syscall} is variadic: on those two ABIs
	 * integer arguments travel in the same registers whether variadic or not, where
	 * glibc's {@code syscall} takes them from. That spares the interface mapping's proxy
	 * class, a noticeable part of what a {@code stop} costs.
	 * @param number the system call's number
	 * @param a the first argument
	 * @param b the second argument
	 * @param c the third argument
	 * @param d the fourth argument
	 * @return what the call returns
	 * @throws LastErrorException if it fails
	 */
	static native long syscall(long number, long a, long b, long c, long d) throws LastErrorException;

	static native int close(int fd) throws LastErrorException;

	static native int dup(int fd) throws LastErrorException;

	static native int dup2(int fd, int fd2) throws LastErrorException;

	static native long write(int fd, byte[] buffer, long count) throws LastErrorException;

	static native long pread(int fd, byte[] buffer, long count, long offset) throws LastErrorException;

	static native long pwrite(int fd, byte[] buffer, long count, long offset) throws LastErrorException;

	static native int ftruncate(int fd, long length) throws LastErrorException;

	static native int fchmod(int fd, int mode) throws LastErrorException;

	static native int flock(int fd, int operation) throws LastErrorException;

	static native int kill(int pid, int signum) throws LastErrorException;

	static native int poll(Pointer fds, long count, int timeoutMillis) throws LastErrorException;

	static native long signal(int signum, long handler) throws LastErrorException;

	/**
	 * The variadic C functions, bound by interface mapping, which passes the arguments
	 * after the fixed ones as variadic arguments.
	 */
	interface Variadic extends Library {

		Variadic INSTANCE = Native.load(JnaLoading.cLibrary(), Variadic.class);

		int open(String path, int flags, Object... mode) throws LastErrorException;

		int fcntl(int fd, int command, Object... argument) throws LastErrorException;

	}

}
