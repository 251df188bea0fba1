/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.platform;

import java.io.IOException;

import com.sun.jna.LastErrorException;
import com.sun.jna.platform.unix.Resource;

/**
 * Resource limits of this process.
 */
public final class ProcessLimits {

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
		LibC.Limits.require("prevent core dumps");
		try {
			// Both fields of a new Rlimit are 0.
			LibC.Limits.setrlimit(UnixConstants.RLIMIT_CORE, new Resource.Rlimit());
		}
		catch (LastErrorException ex) {
			throw new IOException("cannot set RLIMIT_CORE to 0: " + LibC.describe(ex.getErrorCode()), ex);
		}
	}

}
