/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.launch.spawn;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the util-linux {@code flock} command with which the intermediate shell takes the
 * daemon's PID file. Whether it can become the command it runs ({@code --no-fork}) is
 * tried by the shell itself, which then falls back to a daemon that locks the file with a
 * native call.
 * <p>
 * Public for the launcher's {@code Launcher}, which decides with it whether the shell can
 * prepare the start.
 */
public final class FlockCommand {

	/**
	 * Names the {@code flock} command to use, or {@code none} for a daemon that locks its
	 * PID file itself, as tests of both paths do.
	 */
	static final String PROPERTY = "daemoniker.flock";

	private FlockCommand() {
	}

	public static Optional<Path> find() {
		String configured = System.getProperty(PROPERTY);
		if ("none".equals(configured)) {
			return Optional.empty();
		}
		if (configured != null && !configured.isEmpty()) {
			return Optional.of(Path.of(configured));
		}
		return SetsidSpawner.findCommand("flock");
	}

}
