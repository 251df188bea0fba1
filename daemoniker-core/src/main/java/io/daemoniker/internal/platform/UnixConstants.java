/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.platform;

/**
 * C constants whose values differ between Linux and the BSD family (macOS). Linux values
 * hold for every Linux architecture that uses the generic definitions (x86-64, AArch64,
 * RISC-V).
 */
final class UnixConstants {

	static final int O_RDONLY = 0;

	static final int O_WRONLY = 1;

	static final int O_RDWR = 2;

	final int oCreat;

	final int oAppend;

	final int oNoFollow;

	final int fGetLk;

	final int fWrLck;

	final int fUnlck = 2;

	private UnixConstants(int oCreat, int oAppend, int oNoFollow, int fGetLk, int fWrLck) {
		this.oCreat = oCreat;
		this.oAppend = oAppend;
		this.oNoFollow = oNoFollow;
		this.fGetLk = fGetLk;
		this.fWrLck = fWrLck;
	}

	static UnixConstants forCurrent() {
		if (OperatingSystem.current() == OperatingSystem.BSD) {
			return new UnixConstants(0x200, 0x8, 0x100, 7, 3);
		}
		boolean arm = System.getProperty("os.arch", "").startsWith("aarch64")
				|| System.getProperty("os.arch", "").startsWith("arm");
		return new UnixConstants(0100, 02000, arm ? 0100000 : 0400000, 5, 1);
	}

}
