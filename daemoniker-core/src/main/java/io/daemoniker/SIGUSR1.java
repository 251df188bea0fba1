/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker;

/**
 * {@code SIGUSR1}: first user-defined signal. Thrown by
 * {@link SignalHandler1#awaitSignal()} when it arrives with the default handler, and
 * usable to name the signal for {@link Daemoniker#send}.
 */
@SuppressWarnings("checkstyle:TypeName")
public class SIGUSR1 extends ReceivedSignal {

	/**
	 * The number of {@code SIGUSR1} on this operating system.
	 */
	public static final int SIGNUM = HandledSignal.USR1.signum();

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 */
	public SIGUSR1() {
		super(SIGNUM);
	}

}
