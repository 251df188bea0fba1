/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.platform;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import org.jspecify.annotations.Nullable;

/**
 * The C library functions behind the operations features: datagram sockets for systemd
 * notifications, resource limits, and changing the user. Bound by JNA direct mapping like
 * {@link LibC}, and like it loaded only when one of them is used.
 */
final class OpsLibC {

	static {
		Native.register(OpsLibC.class, com.sun.jna.Platform.C_LIBRARY_NAME);
	}

	private OpsLibC() {
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

	static native int prctl(int option, long arg2, long arg3, long arg4, long arg5) throws LastErrorException;

}
