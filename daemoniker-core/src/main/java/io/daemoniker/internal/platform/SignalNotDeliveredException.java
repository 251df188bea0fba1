/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.platform;

import java.io.IOException;

/**
 * A signal did not reach its process because that process had just ended or was ended by
 * another signal at the same moment. On Windows this happens when a signal meets a
 * sentinel that is being replaced; reading the PID file again names the next one, and
 * sending again delivers the signal.
 */
public class SignalNotDeliveredException extends IOException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an exception.
	 * @param message what happened, naming the PID
	 */
	public SignalNotDeliveredException(String message) {
		super(message);
	}

}
