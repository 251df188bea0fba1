/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.platform;

import com.sun.jna.LastErrorException;
import org.jspecify.annotations.Nullable;

/**
 * The C library functions that only Linux has, apart from the portable ones in
 * {@link LibC} and {@link OpsLibC}, so that binding those never fails on macOS or the
 * BSDs for lack of a Linux function. Loaded only on Linux, and only when used.
 */
final class LinuxLibC {

	private static final @Nullable LinkageError FAILURE = NativeBindings.register(LinuxLibC.class);

	private LinuxLibC() {
	}

	/**
	 * Refuses to go on when a function could not be bound.
	 * @param purpose what the caller was about to do
	 */
	static void require(String purpose) {
		NativeBindings.require(FAILURE, purpose);
	}

	/**
	 * {@code prctl}, declared variadic in C: on Linux every supported ABI passes variadic
	 * arguments like fixed ones, so five fixed arguments bind it correctly there.
	 */
	static native int prctl(int option, long arg2, long arg3, long arg4, long arg5) throws LastErrorException;

}
