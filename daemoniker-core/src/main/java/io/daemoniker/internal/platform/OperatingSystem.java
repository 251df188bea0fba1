/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.platform;

import java.util.Locale;

/**
 * The operating system family this JVM runs on, decided from {@code os.name} without
 * loading any native code.
 */
public enum OperatingSystem {

	/** Linux, with {@code /proc}. */
	LINUX,

	/** macOS and the BSDs. */
	BSD,

	/** Microsoft Windows. */
	WINDOWS,

	/** Any other Unix. */
	OTHER_UNIX;

	private static final OperatingSystem CURRENT = detect(System.getProperty("os.name", ""));

	/**
	 * Returns the operating system this JVM runs on.
	 * @return the current operating system
	 */
	public static OperatingSystem current() {
		return CURRENT;
	}

	/**
	 * Returns whether this is a Unix of any kind.
	 * @return {@code true} on Linux, macOS, the BSDs and other Unixes
	 */
	public boolean isUnix() {
		return this != WINDOWS;
	}

	static OperatingSystem detect(String osName) {
		String name = osName.toLowerCase(Locale.ROOT);
		if (name.startsWith("windows")) {
			return WINDOWS;
		}
		if (name.contains("linux")) {
			return LINUX;
		}
		if (name.contains("mac") || name.contains("darwin") || name.contains("bsd")) {
			return BSD;
		}
		return OTHER_UNIX;
	}

}
