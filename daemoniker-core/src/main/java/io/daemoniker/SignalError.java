/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker;

/**
 * Thrown when signal handling itself fails: a signal that the JVM refuses to let the
 * application handle, a signal that cannot be sent, or a PID file that
 * {@link Daemoniker#send} will not trust.
 */
public class SignalError extends DaemonikerException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates a signal error.
	 * @param message what went wrong and what to do about it
	 */
	public SignalError(String message) {
		super(message);
	}

	/**
	 * Creates a signal error with a cause.
	 * @param message what went wrong and what to do about it
	 * @param cause the underlying failure
	 */
	public SignalError(String message, Throwable cause) {
		super(message, cause);
	}

}
