/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.platform;

/**
 * The C constants of the running Unix, for code that runs on more than one: the values of
 * {@link MacOsConstants} on macOS and the BSDs, those of {@link LinuxConstants}
 * elsewhere. Each is chosen once, when this class is initialized, which loads no native
 * code.
 */
public final class UnixConstants {

	private static final boolean MAC = OperatingSystem.current() == OperatingSystem.BSD;

	static final int O_RDONLY = MAC ? MacOsConstants.O_RDONLY : LinuxConstants.O_RDONLY;

	static final int O_WRONLY = MAC ? MacOsConstants.O_WRONLY : LinuxConstants.O_WRONLY;

	static final int O_RDWR = MAC ? MacOsConstants.O_RDWR : LinuxConstants.O_RDWR;

	static final int O_CREAT = MAC ? MacOsConstants.O_CREAT : LinuxConstants.O_CREAT;

	static final int O_EXCL = MAC ? MacOsConstants.O_EXCL : LinuxConstants.O_EXCL;

	static final int O_APPEND = MAC ? MacOsConstants.O_APPEND : LinuxConstants.O_APPEND;

	static final int O_NONBLOCK = MAC ? MacOsConstants.O_NONBLOCK : LinuxConstants.O_NONBLOCK;

	static final int O_NOFOLLOW = MAC ? MacOsConstants.O_NOFOLLOW : LinuxConstants.O_NOFOLLOW;

	static final int O_CLOEXEC = MAC ? MacOsConstants.O_CLOEXEC : LinuxConstants.O_CLOEXEC;

	/** {@code fcntl}: the descriptor's flags. */
	public static final int F_GETFD = MAC ? MacOsConstants.F_GETFD : LinuxConstants.F_GETFD;

	/** {@code fcntl}: set the descriptor's flags. */
	public static final int F_SETFD = MAC ? MacOsConstants.F_SETFD : LinuxConstants.F_SETFD;

	/** {@code fcntl}: a duplicate at or above a number, close-on-exec. */
	public static final int F_DUPFD_CLOEXEC = MAC ? MacOsConstants.F_DUPFD_CLOEXEC : LinuxConstants.F_DUPFD_CLOEXEC;

	/** The close-on-exec flag of a descriptor. */
	public static final int FD_CLOEXEC = MAC ? MacOsConstants.FD_CLOEXEC : LinuxConstants.FD_CLOEXEC;

	static final int F_GETLK = MAC ? MacOsConstants.F_GETLK : LinuxConstants.F_GETLK;

	static final int F_WRLCK = MAC ? MacOsConstants.F_WRLCK : LinuxConstants.F_WRLCK;

	static final int F_UNLCK = MAC ? MacOsConstants.F_UNLCK : LinuxConstants.F_UNLCK;

	/** {@code flock}: an exclusive lock. */
	static final int LOCK_EX = MAC ? MacOsConstants.LOCK_EX : LinuxConstants.LOCK_EX;

	/** {@code flock}: fail instead of waiting. */
	static final int LOCK_NB = MAC ? MacOsConstants.LOCK_NB : LinuxConstants.LOCK_NB;

	static final int EPERM = MAC ? MacOsConstants.EPERM : LinuxConstants.EPERM;

	static final int ENOENT = MAC ? MacOsConstants.ENOENT : LinuxConstants.ENOENT;

	static final int ESRCH = MAC ? MacOsConstants.ESRCH : LinuxConstants.ESRCH;

	/** An interrupted call. */
	public static final int EINTR = MAC ? MacOsConstants.EINTR : LinuxConstants.EINTR;

	static final int EACCES = MAC ? MacOsConstants.EACCES : LinuxConstants.EACCES;

	static final int EEXIST = MAC ? MacOsConstants.EEXIST : LinuxConstants.EEXIST;

	static final int EISDIR = MAC ? MacOsConstants.EISDIR : LinuxConstants.EISDIR;

	/** The error {@code flock} fails with when another holds the lock. */
	static final int EWOULDBLOCK = MAC ? MacOsConstants.EWOULDBLOCK : LinuxConstants.EWOULDBLOCK;

	/** The error {@code open} with {@code O_NOFOLLOW} fails with on a symbolic link. */
	static final int ELOOP = MAC ? MacOsConstants.ELOOP : LinuxConstants.ELOOP;

	static final int ENAMETOOLONG = MAC ? MacOsConstants.ENAMETOOLONG : LinuxConstants.ENAMETOOLONG;

	static final int RLIMIT_CORE = MAC ? MacOsConstants.RLIMIT_CORE : LinuxConstants.RLIMIT_CORE;

	/** The limit on open descriptors. */
	public static final int RLIMIT_NOFILE = MAC ? MacOsConstants.RLIMIT_NOFILE : LinuxConstants.RLIMIT_NOFILE;

	/** {@code posix_spawn}: set the signals of a set to their default action. */
	public static final short POSIX_SPAWN_SETSIGDEF = MAC ? MacOsConstants.POSIX_SPAWN_SETSIGDEF
			: LinuxConstants.POSIX_SPAWN_SETSIGDEF;

	/** {@code posix_spawn}: set the signal mask. */
	public static final short POSIX_SPAWN_SETSIGMASK = MAC ? MacOsConstants.POSIX_SPAWN_SETSIGMASK
			: LinuxConstants.POSIX_SPAWN_SETSIGMASK;

	/** {@code posix_spawn}: start a new session. */
	public static final short POSIX_SPAWN_SETSID = MAC ? MacOsConstants.POSIX_SPAWN_SETSID
			: LinuxConstants.POSIX_SPAWN_SETSID;

	/** {@code waitid}: wait for one process. */
	public static final int P_PID = MAC ? MacOsConstants.P_PID : LinuxConstants.P_PID;

	/** {@code waitid}: wait for processes that have exited. */
	public static final int WEXITED = MAC ? MacOsConstants.WEXITED : LinuxConstants.WEXITED;

	/** {@code waitid}: leave the process waitable. */
	public static final int WNOWAIT = MAC ? MacOsConstants.WNOWAIT : LinuxConstants.WNOWAIT;

	/** {@code waitpid}: do not wait. */
	public static final int WNOHANG = MAC ? MacOsConstants.WNOHANG : LinuxConstants.WNOHANG;

	static final long SIG_DFL = MAC ? MacOsConstants.SIG_DFL : LinuxConstants.SIG_DFL;

	static final long SIG_IGN = MAC ? MacOsConstants.SIG_IGN : LinuxConstants.SIG_IGN;

	private UnixConstants() {
	}

}
