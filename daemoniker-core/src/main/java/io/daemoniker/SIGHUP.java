/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker;

/**
 * {@code SIGHUP}: hang-up, by convention a request to reload configuration. Thrown by
 * {@link SignalHandler1#awaitSignal()} when it arrives with the default handler, and
 * usable to name the signal for {@link Daemoniker#send}.
 */
@SuppressWarnings("checkstyle:TypeName")
public class SIGHUP extends ReceivedSignal {

	/**
	 * The number of {@code SIGHUP} on this operating system.
	 */
	public static final int SIGNUM = HandledSignal.HUP.signum();

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 */
	public SIGHUP() {
		super(SIGNUM);
	}

}
