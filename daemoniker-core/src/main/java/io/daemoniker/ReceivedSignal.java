/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

import io.daemoniker.internal.platform.SignalNumbers;

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
		// No lambdas: this runs when a daemon is told to stop, where each first lambda
		// costs the JVM a class of its own to spin.
		Optional<HandledSignal> handled = HandledSignal.of(signum);
		return handled.isPresent() ? handled.get().toException() : new ReceivedSignal(signum);
	}

	/**
	 * Returns the signal number that a {@code ReceivedSignal} subclass stands for.
	 * @param type one of the subclasses, such as {@code SIGTERM.class}
	 * @return its signal number on this operating system
	 * @throws IllegalArgumentException if the class is {@code ReceivedSignal} itself
	 */
	public static int signumOf(Class<? extends ReceivedSignal> type) {
		return HandledSignal.of(type)
			.orElseThrow(() -> new IllegalArgumentException(type.getName() + " does not name one signal; use one of "
					+ Arrays.stream(HandledSignal.values())
						.map(HandledSignal::signalName)
						.collect(Collectors.joining(", "))
					+ ", or pass the signal number"))
			.signum();
	}

}
