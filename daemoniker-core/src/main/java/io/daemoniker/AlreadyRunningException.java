/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker;

import java.nio.file.Path;

/**
 * Thrown when a daemon is started with a PID file that another live daemon holds.
 */
public class AlreadyRunningException extends PidFileException {

	private static final long serialVersionUID = 1L;

	/** The PID of the daemon that holds the PID file. */
	private final long pid;

	/**
	 * Creates the exception.
	 * @param pidFile the PID file that is held
	 * @param pid the PID of the daemon that holds it, or {@code -1} when it could not be
	 * read
	 */
	public AlreadyRunningException(Path pidFile, long pid) {
		super(pidFile, "already running (pid " + ((pid > 0) ? pid : "unknown") + "): " + pidFile
				+ " is locked by a live daemon; stop it first, or choose another PID file");
		this.pid = pid;
	}

	/**
	 * Returns the PID of the daemon that holds the PID file.
	 * @return the PID, or {@code -1} when it could not be read
	 */
	public long getPid() {
		return this.pid;
	}

}
