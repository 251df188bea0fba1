/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.pidfile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.daemoniker.internal.platform.KernelPaths;

/**
 * Follows symbolic links at the end of a path to the file that opening the path would
 * open or create, even when the last link dangles: {@code log -> app.pid} creates
 * {@code app.pid} when opened for appending.
 */
final class LinkTargets {

	/** The kernel's limit on links followed in one lookup (Linux: 40). */
	private static final int MAX_LINKS = 40;

	private LinkTargets() {
	}

	static Path finalTarget(Path path) throws IOException {
		Path current = KernelPaths.resolve(path);
		for (int followed = 0; followed < MAX_LINKS && Files.isSymbolicLink(current); followed++) {
			Path parent = current.getParent();
			Path target = Files.readSymbolicLink(current);
			current = KernelPaths.resolve((parent != null) ? parent.resolve(target) : target);
		}
		return current;
	}

}
