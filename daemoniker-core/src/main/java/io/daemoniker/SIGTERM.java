/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker;

/**
 * {@code SIGTERM}: termination request. Thrown by {@link SignalHandler1#awaitSignal()}
 * when it arrives with the default handler, and usable to name the signal for
 * {@link Daemoniker#send}.
 */
@SuppressWarnings("checkstyle:TypeName")
public class SIGTERM extends ReceivedSignal {

	/**
	 * The number of {@code SIGTERM} on this operating system.
	 */
	public static final int SIGNUM = HandledSignal.TERM.signum();

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 */
	public SIGTERM() {
		super(SIGNUM);
	}

}
