/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.launch.spawn;

import java.io.IOException;

import io.daemoniker.internal.windows.WindowsLaunch;

/**
 * Starts the daemon on Windows through {@code CreateProcessW}, detached and in a process
 * group of its own. Windows has no umask and no descriptors to shield, so those parts of
 * the spec do not apply; the returned process is the daemon itself, and destroying it
 * only lets go of it.
 */
final class WindowsSpawner implements DaemonSpawner {

	@Override
	public Process spawn(Spec spec) throws IOException {
		WindowsLaunch.StandardTargets stdio = spec.stdio();
		if (stdio == null) {
			throw new IOException("no files for the daemon's standard streams were given");
		}
		return WindowsLaunch.start(spec.command(), spec.directory(), spec.handshakePrefix(), stdio);
	}

}
