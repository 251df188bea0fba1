/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.platform;

import com.sun.jna.Native;

import io.daemoniker.DaemonikerException;
import org.jspecify.annotations.Nullable;

/**
 * Registers a class of direct-mapped C functions without letting a function that this
 * system's C library lacks escape as an {@link Error}: {@code Native.register} throws
 * {@link UnsatisfiedLinkError} for it, which, thrown from a static initializer, would
 * leave the class unusable behind a bare {@link NoClassDefFoundError}. The failure is
 * kept instead, and every use of the class asks {@link #require} first, which turns it
 * into a {@link DaemonikerException} that names what could not be done.
 */
final class NativeBindings {

	private NativeBindings() {
	}

	/**
	 * Binds the native methods of a class to the C library.
	 * @param bindings the class, from its own static initializer
	 * @return {@code null} when every function was found, else why not
	 */
	static @Nullable LinkageError register(Class<?> bindings) {
		try {
			Native.register(bindings, JnaLoading.cLibrary());
			return null;
		}
		catch (LinkageError ex) {
			// UnsatisfiedLinkError for a missing function or library, or an error from
			// loading JNA itself.
			return ex;
		}
	}

	/**
	 * Refuses to go on when a class could not be bound.
	 * @param failure what {@link #register} returned for it
	 * @param purpose what the caller was about to do, such as "switch users"
	 * @throws DaemonikerException if the class could not be bound
	 */
	static void require(@Nullable LinkageError failure, String purpose) {
		if (failure != null) {
			throw new DaemonikerException(
					"cannot " + purpose + " on " + System.getProperty("os.name") + " " + System.getProperty("os.arch")
							+ ": its C library lacks a function this needs (" + failure.getMessage() + ")",
					failure);
		}
	}

}
