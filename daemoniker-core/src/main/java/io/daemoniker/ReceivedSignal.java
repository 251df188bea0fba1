/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker;

import io.daemoniker.internal.signal.SignalNumbers;

/**
 * A signal, as an exception. The subclasses ({@link SIGINT}, {@link SIGTERM},
 * {@link SIGABRT}, {@link SIGHUP}, {@link SIGUSR1}) are what
 * {@link SignalHandler1#awaitSignal()} throws when a signal with the default handler
 * arrives, and an instance or class of one of them names a signal for
 * {@link Daemoniker#send(java.nio.file.Path, ReceivedSignal)}. This class itself is
 * thrown only for a signal that has no subclass of its own.
 */
public class ReceivedSignal extends DaemonikerException {

	private static final long serialVersionUID = 1L;

	/** The signal's number. */
	private final int signum;

	/**
	 * Creates the exception for a signal number.
	 * @param signum the signal number on this operating system
	 */
	public ReceivedSignal(int signum) {
		super("received SIG" + SignalNumbers.name(signum) + " (" + signum + ")");
		this.signum = signum;
	}

	/**
	 * Returns the signal number, as Python's {@code int(signal)} does.
	 * @return the signal number on this operating system
	 */
	public int signum() {
		return this.signum;
	}

	/**
	 * Returns the exception that stands for a signal number: an instance of the matching
	 * subclass, or of this class for any other signal.
	 * @param signum a signal number on this operating system
	 * @return the exception for that signal
	 */
	public static ReceivedSignal of(int signum) {
		if (signum == SIGINT.SIGNUM) {
			return new SIGINT();
		}
		if (signum == SIGTERM.SIGNUM) {
			return new SIGTERM();
		}
		if (signum == SIGABRT.SIGNUM) {
			return new SIGABRT();
		}
		if (signum == SIGHUP.SIGNUM) {
			return new SIGHUP();
		}
		if (signum == SIGUSR1.SIGNUM) {
			return new SIGUSR1();
		}
		return new ReceivedSignal(signum);
	}

	/**
	 * Returns the signal number that a {@code ReceivedSignal} subclass stands for.
	 * @param type one of the subclasses, such as {@code SIGTERM.class}
	 * @return its signal number on this operating system
	 * @throws IllegalArgumentException if the class is {@code ReceivedSignal} itself
	 */
	public static int signumOf(Class<? extends ReceivedSignal> type) {
		if (type == SIGINT.class) {
			return SIGINT.SIGNUM;
		}
		if (type == SIGTERM.class) {
			return SIGTERM.SIGNUM;
		}
		if (type == SIGABRT.class) {
			return SIGABRT.SIGNUM;
		}
		if (type == SIGHUP.class) {
			return SIGHUP.SIGNUM;
		}
		if (type == SIGUSR1.class) {
			return SIGUSR1.SIGNUM;
		}
		throw new IllegalArgumentException(type.getName() + " does not name one signal; use SIGINT, SIGTERM, SIGABRT, "
				+ "SIGHUP or SIGUSR1, or pass the signal number");
	}

}
