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
 * and the {@code struct flock} pointer of {@code fcntl} would arrive as garbage. Loading
 * this class loads JNA: keep it off paths that can do without.
 */
final class LibC {

	static {
		Native.register(LibC.class, com.sun.jna.Platform.C_LIBRARY_NAME);
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

	static native long signal(int signum, long handler) throws LastErrorException;

	/**
	 * The variadic C functions, bound by interface mapping, which passes the arguments
	 * after the fixed ones as variadic arguments.
	 */
	interface Variadic extends Library {

		Variadic INSTANCE = Native.load(com.sun.jna.Platform.C_LIBRARY_NAME, Variadic.class);

		int open(String path, int flags, Object... mode) throws LastErrorException;

		int fcntl(int fd, int command, Object... argument) throws LastErrorException;

	}

}
