/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.platform;

/**
 * Creates the Windows platform. Kept apart so that the Unix path never loads a Windows
 * class, and by name, because the Windows package builds on this one: a reference to its
 * class here would make the two packages depend on each other.
 */
final class WindowsPlatformLoader {

	private WindowsPlatformLoader() {
	}

	private static final String WINDOWS_PLATFORM = "io.daemoniker.internal.windows.WindowsPlatform";

	static Platform load() {
		try {
			return (Platform) Class.forName(WINDOWS_PLATFORM).getConstructor().newInstance();
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("cannot create " + WINDOWS_PLATFORM + ": " + ex, ex);
		}
	}

}
