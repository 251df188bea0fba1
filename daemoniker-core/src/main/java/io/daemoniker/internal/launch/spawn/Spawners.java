/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.launch.spawn;

import io.daemoniker.StartupException;
import io.daemoniker.internal.launch.LaunchSpec;
import io.daemoniker.internal.platform.OperatingSystem;

/**
 * Chooses how to spawn the daemon. The {@code setsid} command with {@link ProcessBuilder}
 * needs no native code in the launcher and is preferred; {@code posix_spawn} through JNA
 * is used where descriptors must be shielded or the command is missing (macOS).
 * <p>
 * Public for the launcher's {@code Launcher}, which asks it once per start.
 */
public final class Spawners {

	/** Set to {@code posix} to force {@code posix_spawn}, as tests of that path do. */
	static final String SPAWNER_PROPERTY = "daemoniker.spawner";

	private Spawners() {
	}

	public static DaemonSpawner choose(LaunchSpec spec) {
		if (OperatingSystem.current() == OperatingSystem.WINDOWS) {
			return new WindowsSpawner();
		}
		boolean forcePosix = "posix".equals(System.getProperty(SPAWNER_PROPERTY));
		if (!forcePosix && spec.shieldedFds().isEmpty()) {
			DaemonSpawner setsid = SetsidSpawner.find().orElse(null);
			if (setsid != null) {
				return setsid;
			}
		}
		return posixSpawner();
	}

	private static DaemonSpawner posixSpawner() {
		if (!com.sun.jna.Platform.isLinux() && !com.sun.jna.Platform.isMac()) {
			throw new StartupException("cannot start the daemon through posix_spawn on " + System.getProperty("os.name")
					+ ": a new session through posix_spawn is supported on Linux and macOS only, and it is needed "
					+ "to shield descriptors or where the setsid command is missing");
		}
		try {
			return new PosixSpawnSpawner();
		}
		catch (LinkageError ex) {
			throw new StartupException("cannot load posix_spawn through JNA: " + ex.getMessage(), ex);
		}
	}

}
