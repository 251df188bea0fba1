/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.platform;

import com.sun.jna.LastErrorException;
import com.sun.jna.Pointer;
import org.jspecify.annotations.Nullable;

/**
 * The C library functions behind the operations features: datagram sockets for systemd
 * notifications, resource limits, and changing the user. Bound by JNA direct mapping like
 * {@link LibC}, and like it loaded only when one of them is used. Every function here is
 * in the C library of Linux, macOS and the BSDs alike; Linux-only ones are in
 * {@link LinuxLibC}. Callers call {@link #require} before any function.
 */
final class OpsLibC {

	private static final @Nullable LinkageError FAILURE = NativeBindings.register(OpsLibC.class);

	private OpsLibC() {
	}

	/**
	 * Refuses to go on when a function could not be bound.
	 * @param purpose what the caller was about to do, such as "switch users"
	 * @throws io.daemoniker.DaemonikerException if a function is missing
	 */
	static void require(String purpose) {
		NativeBindings.require(FAILURE, purpose);
	}

	static native int socket(int domain, int type, int protocol) throws LastErrorException;

	static native long sendto(int fd, byte[] buffer, long length, int flags, byte[] address, int addressLength)
			throws LastErrorException;

	static native int setrlimit(int resource, long[] limits) throws LastErrorException;

	static native int setgroups(long size, int[] groups) throws LastErrorException;

	static native int initgroups(String user, int group) throws LastErrorException;

	static native int getgrouplist(String user, int group, int[] groups, int[] count);

	static native int setgid(int gid) throws LastErrorException;

	static native int setuid(int uid) throws LastErrorException;

	static native int geteuid();

	static native @Nullable Pointer getpwnam(String name);

	static native @Nullable Pointer getpwuid(int uid);

	static native @Nullable Pointer getgrnam(String name);

	static native @Nullable Pointer getgrgid(int gid);

}
