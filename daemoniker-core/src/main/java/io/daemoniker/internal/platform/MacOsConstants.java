/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.platform;

/**
 * The C constants of macOS that the calls here need, from its SDK's headers; JNA's
 * platform library has none of them. The other BSDs share most of them, and are given
 * these too. Portable code reads the running system's values from {@link UnixConstants}.
 */
public final class MacOsConstants {

	// fcntl.h

	static final int O_RDONLY = 0;

	static final int O_WRONLY = 1;

	static final int O_RDWR = 2;

	static final int O_CREAT = 0x200;

	static final int O_EXCL = 0x800;

	static final int O_APPEND = 0x8;

	static final int O_NONBLOCK = 0x4;

	static final int O_NOFOLLOW = 0x100;

	static final int O_CLOEXEC = 0x1000000;

	static final int F_GETFD = 1;

	static final int F_SETFD = 2;

	static final int F_GETLK = 7;

	static final int F_DUPFD_CLOEXEC = 67;

	static final int FD_CLOEXEC = 1;

	static final int F_WRLCK = 3;

	static final int F_UNLCK = 2;

	// sys/file.h

	static final int LOCK_EX = 2;

	static final int LOCK_NB = 4;

	// errno.h

	static final int EPERM = 1;

	static final int ENOENT = 2;

	static final int ESRCH = 3;

	static final int EINTR = 4;

	static final int EACCES = 13;

	static final int EEXIST = 17;

	static final int EISDIR = 21;

	static final int EWOULDBLOCK = 35;

	static final int ELOOP = 62;

	static final int ENAMETOOLONG = 63;

	// sys/resource.h

	static final int RLIMIT_CORE = 4;

	static final int RLIMIT_NOFILE = 8;

	// spawn.h, sys/wait.h

	static final short POSIX_SPAWN_SETSIGDEF = 0x04;

	static final short POSIX_SPAWN_SETSIGMASK = 0x08;

	/** macOS 10.15 and later. */
	static final short POSIX_SPAWN_SETSID = 0x400;

	/** Closes every descriptor that no file action names. */
	public static final short POSIX_SPAWN_CLOEXEC_DEFAULT = 0x4000;

	static final int P_PID = 1;

	static final int WEXITED = 4;

	static final int WNOWAIT = 0x20;

	static final int WNOHANG = 1;

	// signal.h

	static final long SIG_DFL = 0;

	static final long SIG_IGN = 1;

	private MacOsConstants() {
	}

}
