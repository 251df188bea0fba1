/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.cli;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

import io.daemoniker.internal.platform.JnaLoading;

/**
 * What the commands that signal ({@code send}, {@code stop}, {@code force-stop},
 * {@code restart}) need of JNA, through which every signal goes: its load, started early
 * where a PID file is there to act on, and the failures that come from it.
 */
final class SignalPath {

	private static final String LIBC = "io.daemoniker.internal.platform.LibC";

	private SignalPath() {
	}

	/**
	 * Starts loading JNA while the PID file is read, where there is a PID file: with
	 * none, nothing will be signalled, and JNA need not be loaded at all.
	 * @param pidFile the PID file the command acts on
	 */
	static void prepare(Path pidFile) {
		if (Files.exists(pidFile, LinkOption.NOFOLLOW_LINKS)) {
			JnaLoading.startLoading();
		}
	}

	/**
	 * Tells whether an error is JNA's failure to load or to bind the C library, which
	 * happens before any signal is sent, rather than any other class that failed to load.
	 * @param error the error
	 * @return {@code true} if it is JNA's
	 */
	static boolean isJnaFailure(LinkageError error) {
		if (error instanceof UnsatisfiedLinkError) {
			return true;
		}
		String message = error.getMessage();
		if (!(error instanceof NoClassDefFoundError) || message == null || message.isBlank()) {
			return false;
		}
		// "com/sun/jna/Native", or "Could not initialize class com.sun.jna.Native".
		String[] words = message.strip().split(" ");
		String name = words[words.length - 1].replace('/', '.');
		return name.startsWith("com.sun.jna.") || name.equals(LIBC) || name.startsWith(LIBC + "$");
	}

}
