/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.platform;

/**
 * Creates the Windows platform. Kept apart so that the Unix path never loads a Windows
 * class.
 */
final class WindowsPlatformLoader {

	private WindowsPlatformLoader() {
	}

	static Platform load() {
		return new io.daemoniker.internal.windows.WindowsPlatform();
	}

}
