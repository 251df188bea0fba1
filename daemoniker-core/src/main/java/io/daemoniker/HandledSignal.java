/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker;

import java.util.Locale;
import java.util.Optional;

import io.daemoniker.internal.platform.SignalNumbers;
import io.daemoniker.internal.signal.SignalRefusals;

/**
 * The signals a Daemoniker daemon handles: {@code INT}, {@code TERM} and {@code ABRT} as
 * in the Python library, and {@code HUP} and {@code USR1}, which Java daemons use to
 * reload and to report. Each has its number on this operating system and the
 * {@link ReceivedSignal} exception that stands for it. {@link SignalHandler1} handles
 * these, the starter's {@code @OnSignal} methods take them, and {@link #named(String)}
 * says why any other signal cannot be handled.
 */
public enum HandledSignal {

	/** {@code SIGINT}: interrupt, as Ctrl-C sends it. */
	INT(SIGINT.class),

	/** {@code SIGTERM}: the request to end in an orderly way. */
	TERM(SIGTERM.class),

	/** {@code SIGABRT}: abort. */
	ABRT(SIGABRT.class),

	/** {@code SIGHUP}: hang-up, by convention a request to reload configuration. */
	HUP(SIGHUP.class),

	/** {@code SIGUSR1}: user-defined; Java daemons use it to report their state. */
	USR1(SIGUSR1.class);

	private final int signum;

	private final Class<? extends ReceivedSignal> exceptionType;

	HandledSignal(Class<? extends ReceivedSignal> exceptionType) {
		this.signum = SignalNumbers.require(name());
		this.exceptionType = exceptionType;
	}

	/**
	 * Returns the signal's number on this operating system.
	 * @return the number (on Windows, where {@code HUP} and {@code USR1} do not exist,
	 * their Linux numbers, which sentinel processes carry)
	 */
	public int signum() {
		return this.signum;
	}

	/**
	 * Returns the signal's name with its prefix, as in messages.
	 * @return {@code SIGINT}, {@code SIGTERM}, ...
	 */
	public String signalName() {
		return "SIG" + name();
	}

	/**
	 * Returns the exception class that stands for this signal.
	 * @return {@link SIGINT}, {@link SIGTERM}, ...
	 */
	public Class<? extends ReceivedSignal> exceptionType() {
		return this.exceptionType;
	}

	/**
	 * Returns a new exception that stands for this signal.
	 * @return an instance of {@link #exceptionType()}
	 */
	public ReceivedSignal toException() {
		// Comparisons, not a constructor reference per constant: this enum is initialized
		// on the way to a daemon's "ready" and in every stop, where the JVM's first
		// lambda would start its lambda machinery for five suppliers. Nor a switch: on an
		// enum, it loads a class of its own when the daemon is told to stop. A constant
		// added to the enum fails HandledSignalTests until it is added here.
		if (this == INT) {
			return new SIGINT();
		}
		if (this == TERM) {
			return new SIGTERM();
		}
		if (this == ABRT) {
			return new SIGABRT();
		}
		if (this == HUP) {
			return new SIGHUP();
		}
		if (this == USR1) {
			return new SIGUSR1();
		}
		throw new IllegalStateException("no exception class for " + signalName());
	}

	/**
	 * Returns the handled signal of a number on this operating system.
	 * @param signum a signal number
	 * @return the signal, or empty when it is none of these
	 */
	public static Optional<HandledSignal> of(int signum) {
		for (HandledSignal signal : values()) {
			if (signal.signum == signum) {
				return Optional.of(signal);
			}
		}
		return Optional.empty();
	}

	/**
	 * Returns the handled signal that an exception class stands for.
	 * @param type an exception class such as {@code SIGTERM.class}
	 * @return the signal, or empty for {@link ReceivedSignal} itself or any other class
	 */
	public static Optional<HandledSignal> of(Class<? extends ReceivedSignal> type) {
		for (HandledSignal signal : values()) {
			if (signal.exceptionType == type) {
				return Optional.of(signal);
			}
		}
		return Optional.empty();
	}

	/**
	 * Returns a handled signal by name.
	 * @param name such as {@code HUP}, {@code SIGHUP} or {@code hup}
	 * @return the signal
	 * @throws IllegalArgumentException naming the signal, why it cannot be handled when
	 * it is a signal outside this set, and the signals that can
	 */
	public static HandledSignal named(String name) {
		String key = name.strip().toUpperCase(Locale.ROOT);
		if (key.startsWith("SIG")) {
			key = key.substring(3);
		}
		for (HandledSignal signal : values()) {
			if (signal.name().equals(key)) {
				return signal;
			}
		}
		String unhandled = key;
		throw SignalRefusals.toHandle(key)
			.map((reason) -> new IllegalArgumentException(
					"SIG" + unhandled + " cannot be handled (" + reason + "); use " + listed("or")))
			.orElseGet(
					() -> new IllegalArgumentException("\"" + name + "\" is not a signal name; use " + listed("or")));
	}

	/**
	 * Returns the numbers of every handled signal on this operating system.
	 * @return the numbers, in the order of this enum
	 */
	static int[] signums() {
		HandledSignal[] signals = values();
		int[] signums = new int[signals.length];
		for (int i = 0; i < signals.length; i++) {
			signums[i] = signals[i].signum;
		}
		return signums;
	}

	/**
	 * Lists the names of the handled signals, for messages.
	 * @param conjunction {@code and} or {@code or}
	 * @return such as {@code INT, TERM, ABRT, HUP or USR1}
	 */
	public static String listed(String conjunction) {
		StringBuilder names = new StringBuilder();
		for (HandledSignal signal : values()) {
			names.append((names.length() > 0) ? ", " : "").append(signal.name());
		}
		String all = names.toString();
		int last = all.lastIndexOf(", ");
		return all.substring(0, last) + " " + conjunction + " " + all.substring(last + 2);
	}

}
