/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.platform;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * The few C library functions Daemoniker needs on Unix, bound by JNA direct mapping (the
 * cheapest way to call them). Loading this class loads JNA: keep it off paths that can do
 * without.
 */
final class LibC {

	static {
		Native.register(LibC.class, com.sun.jna.Platform.C_LIBRARY_NAME);
	}

	private LibC() {
	}

	static native int open(String path, int flags, int mode) throws LastErrorException;

	static native int close(int fd) throws LastErrorException;

	static native int dup(int fd) throws LastErrorException;

	static native int dup2(int fd, int fd2) throws LastErrorException;

	static native long write(int fd, byte[] buffer, long count) throws LastErrorException;

	static native int kill(int pid, int signum) throws LastErrorException;

	static native long signal(int signum, long handler) throws LastErrorException;

	static native int fcntl(int fd, int command, Pointer argument) throws LastErrorException;

}
