/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker;

/**
 * {@code SIGABRT}: abort. Thrown by {@link SignalHandler1#awaitSignal()} when it arrives
 * with the default handler, and usable to name the signal for {@link Daemoniker#send}.
 */
@SuppressWarnings("checkstyle:TypeName")
public class SIGABRT extends ReceivedSignal {

	/**
	 * The number of {@code SIGABRT} on this operating system.
	 */
	public static final int SIGNUM = HandledSignal.ABRT.signum();

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 */
	public SIGABRT() {
		super(SIGNUM);
	}

}
