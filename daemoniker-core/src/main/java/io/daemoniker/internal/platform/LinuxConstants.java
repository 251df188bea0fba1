/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.platform;

import com.sun.jna.platform.linux.ErrNo;
import com.sun.jna.platform.linux.Fcntl;
import com.sun.jna.platform.unix.Resource;

/**
 * The C constants of Linux that the calls here need. Taken from JNA's platform library
 * where it has them ({@link Fcntl}, {@link ErrNo}, {@link Resource}: compile-time
 * constants, so that using them loads none of its classes), written out where it has not.
 * The values hold for every Linux architecture that uses the generic definitions (x86-64,
 * AArch64, RISC-V), except {@code O_NOFOLLOW}, which ARM places elsewhere. Portable code
 * reads the running system's values from {@link UnixConstants}.
 */
public final class LinuxConstants {

	// fcntl.h

	static final int O_RDONLY = Fcntl.O_RDONLY;

	static final int O_WRONLY = Fcntl.O_WRONLY;

	static final int O_RDWR = Fcntl.O_RDWR;

	static final int O_CREAT = Fcntl.O_CREAT;

	static final int O_EXCL = Fcntl.O_EXCL;

	static final int O_APPEND = Fcntl.O_APPEND;

	static final int O_NONBLOCK = Fcntl.O_NONBLOCK;

	/** {@link Fcntl} has the x86 value only; ARM's is {@code 0100000}. */
	static final int O_NOFOLLOW = isArm(System.getProperty("os.arch", "")) ? 0100000 : Fcntl.O_NOFOLLOW;

	/** Also what {@code pipe2} takes. */
	public static final int O_CLOEXEC = Fcntl.O_CLOEXEC;

	static final int F_GETFD = 1;

	static final int F_SETFD = 2;

	static final int F_GETLK = 5;

	static final int F_DUPFD_CLOEXEC = 1030;

	static final int FD_CLOEXEC = 1;

	static final int F_WRLCK = 1;

	static final int F_UNLCK = 2;

	// sys/file.h

	static final int LOCK_EX = 2;

	static final int LOCK_NB = 4;

	// errno.h

	static final int EPERM = ErrNo.EPERM;

	static final int ENOENT = ErrNo.ENOENT;

	static final int ESRCH = ErrNo.ESRCH;

	static final int EINTR = ErrNo.EINTR;

	static final int EACCES = ErrNo.EACCES;

	static final int EEXIST = ErrNo.EEXIST;

	static final int EISDIR = ErrNo.EISDIR;

	/** {@code EWOULDBLOCK}, which is {@code EAGAIN} on Linux. */
	static final int EWOULDBLOCK = ErrNo.EAGAIN;

	static final int ELOOP = ErrNo.ELOOP;

	static final int ENAMETOOLONG = ErrNo.ENAMETOOLONG;

	static final int ENOSYS = ErrNo.ENOSYS;

	// sys/resource.h

	static final int RLIMIT_CORE = Resource.RLIMIT_CORE;

	static final int RLIMIT_NOFILE = Resource.RLIMIT_NOFILE;

	// spawn.h, sys/wait.h

	static final short POSIX_SPAWN_SETSIGDEF = 0x04;

	static final short POSIX_SPAWN_SETSIGMASK = 0x08;

	/** glibc 2.26 and later. */
	static final short POSIX_SPAWN_SETSID = 0x80;

	static final int P_PID = 1;

	static final int WEXITED = 4;

	static final int WNOWAIT = 0x01000000;

	static final int WNOHANG = 1;

	// signal.h

	static final long SIG_DFL = 0;

	static final long SIG_IGN = 1;

	// poll.h

	static final short POLLIN = 1;

	// sys/socket.h

	static final int AF_UNIX = 1;

	static final int SOCK_DGRAM = 2;

	static final int SOCK_CLOEXEC = Fcntl.O_CLOEXEC;

	static final int MSG_NOSIGNAL = 0x4000;

	// sys/prctl.h

	static final int PR_SET_DUMPABLE = 4;

	/** {@code PR_GET_DUMPABLE}. */
	static final int PR_GET_DUMPABLE = 3;

	// asm/unistd.h: the same numbers on x86-64 and AArch64 (and every architecture
	// since Linux 5.1 gave new system calls one number everywhere).

	static final int SYS_PIDFD_SEND_SIGNAL = 424;

	static final int SYS_PIDFD_OPEN = 434;

	private LinuxConstants() {
	}

	static boolean isArm(String arch) {
		return arch.startsWith("aarch64") || arch.startsWith("arm");
	}

}
