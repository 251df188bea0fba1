/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker;

import java.nio.file.Path;

/**
 * Thrown when a PID file cannot be created, locked, read or trusted. The message names
 * the path and the reason.
 */
public class PidFileException extends DaemonikerException {

	private static final long serialVersionUID = 1L;

	private final transient Path pidFile;

	/**
	 * Creates the exception.
	 * @param pidFile the PID file concerned
	 * @param message what is wrong with it and what to do about it
	 */
	public PidFileException(Path pidFile, String message) {
		super(message);
		this.pidFile = pidFile;
	}

	/**
	 * Creates the exception with a cause.
	 * @param pidFile the PID file concerned
	 * @param message what is wrong with it and what to do about it
	 * @param cause the underlying failure
	 */
	public PidFileException(Path pidFile, String message, Throwable cause) {
		super(message, cause);
		this.pidFile = pidFile;
	}

	/**
	 * Returns the PID file concerned.
	 * @return the path of the PID file
	 */
	public Path getPidFile() {
		return this.pidFile;
	}

}
