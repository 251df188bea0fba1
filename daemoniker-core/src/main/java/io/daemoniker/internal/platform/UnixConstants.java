/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.platform;

/**
 * C constants whose values differ between Linux and the BSD family (macOS). Linux values
 * hold for every Linux architecture that uses the generic definitions (x86-64, AArch64,
 * RISC-V), except {@code O_NOFOLLOW}, which ARM places elsewhere.
 */
final class UnixConstants {

	static final int O_RDONLY = 0;

	static final int O_WRONLY = 1;

	static final int O_RDWR = 2;

	/** {@code flock}: an exclusive lock (the same on Linux and the BSDs). */
	static final int LOCK_EX = 2;

	/** {@code flock}: fail instead of waiting. */
	static final int LOCK_NB = 4;

	static final int ENOENT = 2;

	static final int ENXIO = 6;

	static final int EACCES = 13;

	static final int EEXIST = 17;

	static final int ENOTDIR = 20;

	static final int EISDIR = 21;

	private static final UnixConstants CURRENT = forOs(OperatingSystem.current(), System.getProperty("os.arch", ""));

	final int oCreat;

	final int oExcl;

	final int oAppend;

	final int oNonBlock;

	final int oNoFollow;

	final int oCloExec;

	final int fGetLk;

	final int fWrLck;

	final int fUnlck = 2;

	/** The error {@code flock} fails with when another holds the lock. */
	final int eWouldBlock;

	/** The error {@code open} with {@code O_NOFOLLOW} fails with on a symbolic link. */
	final int eLoop;

	final int eNameTooLong;

	private UnixConstants(int oCreat, int oExcl, int oAppend, int oNonBlock, int oNoFollow, int oCloExec, int fGetLk,
			int fWrLck, int eWouldBlock, int eLoop, int eNameTooLong) {
		this.oCreat = oCreat;
		this.oExcl = oExcl;
		this.oAppend = oAppend;
		this.oNonBlock = oNonBlock;
		this.oNoFollow = oNoFollow;
		this.oCloExec = oCloExec;
		this.fGetLk = fGetLk;
		this.fWrLck = fWrLck;
		this.eWouldBlock = eWouldBlock;
		this.eLoop = eLoop;
		this.eNameTooLong = eNameTooLong;
	}

	static UnixConstants forCurrent() {
		return CURRENT;
	}

	static UnixConstants forOs(OperatingSystem os, String arch) {
		if (os == OperatingSystem.BSD) {
			return new UnixConstants(0x200, 0x800, 0x8, 0x4, 0x100, 0x1000000, 7, 3, 35, 62, 63);
		}
		boolean arm = arch.startsWith("aarch64") || arch.startsWith("arm");
		return new UnixConstants(0100, 0200, 02000, 04000, arm ? 0100000 : 0400000, 02000000, 5, 1, 11, 40, 36);
	}

}
