/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.platform;

import java.io.IOException;

import com.sun.jna.LastErrorException;

/**
 * Resource limits of this process.
 */
public final class ProcessLimits {

	/** {@code RLIMIT_CORE} on Linux and on the BSDs alike. */
	private static final int RLIMIT_CORE = 4;

	private ProcessLimits() {
	}

	/**
	 * Prevents core dumps, as PEP 3143 daemons do: sets both the soft and the hard limit
	 * of {@code RLIMIT_CORE} to zero, so that the process cannot raise it again. A core
	 * dump of a JVM holds its whole heap, with whatever secrets are in it.
	 * @throws IOException if the limit cannot be set
	 * @throws io.daemoniker.DaemonikerException if this system's C library cannot be
	 * bound
	 */
	public static void disableCoreDumps() throws IOException {
		OpsLibC.require("prevent core dumps");
		try {
			// struct rlimit: rlim_t rlim_cur, rlim_max, both 64-bit on LP64 systems.
			OpsLibC.setrlimit(RLIMIT_CORE, new long[] { 0, 0 });
		}
		catch (LastErrorException ex) {
			throw new IOException("cannot set RLIMIT_CORE to 0: " + Errno.describe(ex.getErrorCode()), ex);
		}
	}

}
