/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker;

/**
 * Root of every exception that Daemoniker throws, so that an application can catch them
 * all with one clause.
 */
public class DaemonikerException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an exception with a message.
	 * @param message what went wrong and, where it helps, what to do about it
	 */
	public DaemonikerException(String message) {
		super(message);
	}

	/**
	 * Creates an exception with a message and a cause.
	 * @param message what went wrong and, where it helps, what to do about it
	 * @param cause the underlying failure
	 */
	public DaemonikerException(String message, Throwable cause) {
		super(message, cause);
	}

}
