/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker;

import java.nio.file.Path;

import io.daemoniker.internal.pidfile.PidFileLock;
import io.daemoniker.internal.platform.CurrentProcess;

/**
 * A PID file held by this process without daemonizing: for a process that runs in the
 * foreground under a supervisor (systemd, a container runtime) and should still be found,
 * signalled and stopped through its PID file. {@code daemonize} holds one of these for
 * you.
 */
public final class PidFile implements AutoCloseable {

	private final PidFileLock lock;

	private PidFile(PidFileLock lock) {
		this.lock = lock;
	}

	/**
	 * Creates a PID file, or reclaims a stale one (an unlocked regular file that is empty
	 * or holds one PID and a line break), writes this process's PID into it and holds it
	 * locked until {@link #close()} or until the JVM exits, when it is removed. The lock
	 * belongs to the open file, so this process may open and close the file elsewhere
	 * without losing it.
	 * @param pidFile the PID file
	 * @return the held PID file
	 * @throws AlreadyRunningException if a live process holds it
	 * @throws PidFileException if it cannot be created, locked or written, or if
	 * something other than a stale PID file is at the path (it is then left as it is)
	 */
	public static PidFile acquire(Path pidFile) {
		return new PidFile(PidFileLock.acquire(pidFile, CurrentProcess.pid()));
	}

	/**
	 * Returns the PID file's absolute path.
	 * @return the path
	 */
	public Path path() {
		return this.lock.path();
	}

	/**
	 * Removes the PID file and releases its lock. Idempotent.
	 */
	@Override
	public void close() {
		this.lock.close();
	}

}
