/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker;

import java.nio.file.Path;

import io.daemoniker.internal.pidfile.PidFileLock;

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
	 * Creates or reclaims a PID file, writes this process's PID into it and holds it
	 * locked until {@link #close()} or until the JVM exits, when it is removed.
	 * @param pidFile the PID file
	 * @return the held PID file
	 * @throws AlreadyRunningError if a live process holds it
	 * @throws PidFileError if it cannot be created, locked or written
	 */
	public static PidFile acquire(Path pidFile) {
		return new PidFile(PidFileLock.acquire(pidFile, ProcessHandle.current().pid()));
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
