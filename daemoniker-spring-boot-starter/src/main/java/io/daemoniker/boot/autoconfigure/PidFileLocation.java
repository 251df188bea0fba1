/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.boot.autoconfigure;

import java.nio.file.Path;
import java.util.Optional;

import io.daemoniker.DaemonHandle;
import io.daemoniker.Daemoniker;

/**
 * The one place where the starter makes {@code daemoniker.pid-file} absolute. Once this
 * JVM holds its PID file, the core's {@link DaemonHandle} names it. Before, a relative
 * PID file is relative to the directory the application was started in: the launcher's
 * working directory, which the core resolves it against and records on the daemon's
 * command line, since the daemon may work in another one.
 */
final class PidFileLocation {

	private PidFileLocation() {
	}

	/**
	 * Returns the PID file as the core resolved it.
	 * @param configured the value of {@code daemoniker.pid-file}
	 * @return its absolute path, not normalized: {@code link/../app.pid} means what the
	 * kernel makes of it
	 */
	static Path resolve(Path configured) {
		return startDirectory().resolve(configured);
	}

	/**
	 * Returns the PID file that this JVM holds, as the core took it, or else the
	 * configured one resolved.
	 * @param configured the value of {@code daemoniker.pid-file}
	 * @return its absolute path
	 */
	static Path held(Path configured) {
		if (System.getProperty(DaemonizingApplicationListener.HANDLED_PROPERTY) != null) {
			Optional<DaemonHandle> handle = DaemonHandle.current();
			if (handle.isPresent()) {
				return handle.get().pidFile();
			}
		}
		return resolve(configured);
	}

	/**
	 * Returns the directory the application was started in.
	 * @return the launcher's working directory in the daemon, else this JVM's
	 */
	static Path startDirectory() {
		String launchDirectory = System.getProperty(LauncherConfigLocations.LAUNCH_DIRECTORY_PROPERTY);
		if (launchDirectory != null && Daemoniker.isDaemon()) {
			return Path.of(launchDirectory);
		}
		return Path.of(System.getProperty("user.dir"));
	}

}
