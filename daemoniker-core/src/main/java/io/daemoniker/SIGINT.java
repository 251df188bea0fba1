/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker;

/**
 * {@code SIGINT}: interrupt (Ctrl-C). Thrown by {@link SignalHandler1#awaitSignal()} when
 * it arrives with the default handler, and usable to name the signal for
 * {@link Daemoniker#send}.
 */
@SuppressWarnings("checkstyle:TypeName")
public class SIGINT extends ReceivedSignal {

	/**
	 * The number of {@code SIGINT} on this operating system.
	 */
	public static final int SIGNUM = HandledSignal.INT.signum();

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 */
	public SIGINT() {
		super(SIGNUM);
	}

}
