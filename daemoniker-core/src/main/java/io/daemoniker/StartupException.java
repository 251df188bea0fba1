/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker;

/**
 * Thrown in the launcher when the daemon did not confirm its start-up: it exited first,
 * it reported a failure, or it did not answer within the success timeout. Whatever the
 * daemon printed before it redirected its output has already been copied to the
 * launcher's own standard streams; the message repeats the cause.
 */
public class StartupException extends DaemonikerException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param message why the daemon did not start
	 */
	public StartupException(String message) {
		super(message);
	}

	/**
	 * Creates the exception with a cause.
	 * @param message why the daemon did not start
	 * @param cause the underlying failure
	 */
	public StartupException(String message, Throwable cause) {
		super(message, cause);
	}

}
