/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

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
	INT(SIGINT.class, SIGINT::new),

	/** {@code SIGTERM}: the request to end in an orderly way. */
	TERM(SIGTERM.class, SIGTERM::new),

	/** {@code SIGABRT}: abort. */
	ABRT(SIGABRT.class, SIGABRT::new),

	/** {@code SIGHUP}: hang-up, by convention a request to reload configuration. */
	HUP(SIGHUP.class, SIGHUP::new),

	/** {@code SIGUSR1}: user-defined; Java daemons use it to report their state. */
	USR1(SIGUSR1.class, SIGUSR1::new);

	private final int signum;

	private final Class<? extends ReceivedSignal> exceptionType;

	private final Supplier<ReceivedSignal> exception;

	HandledSignal(Class<? extends ReceivedSignal> exceptionType, Supplier<ReceivedSignal> exception) {
		this.signum = SignalNumbers.require(name());
		this.exceptionType = exceptionType;
		this.exception = exception;
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
		return this.exception.get();
	}

	/**
	 * Returns the handled signal of a number on this operating system.
	 * @param signum a signal number
	 * @return the signal, or empty when it is none of these
	 */
	public static Optional<HandledSignal> of(int signum) {
		return Arrays.stream(values()).filter((signal) -> signal.signum == signum).findFirst();
	}

	/**
	 * Returns the handled signal that an exception class stands for.
	 * @param type an exception class such as {@code SIGTERM.class}
	 * @return the signal, or empty for {@link ReceivedSignal} itself or any other class
	 */
	public static Optional<HandledSignal> of(Class<? extends ReceivedSignal> type) {
		return Arrays.stream(values()).filter((signal) -> signal.exceptionType == type).findFirst();
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
		return Arrays.stream(values()).mapToInt(HandledSignal::signum).toArray();
	}

	/**
	 * Lists the names of the handled signals, for messages.
	 * @param conjunction {@code and} or {@code or}
	 * @return such as {@code INT, TERM, ABRT, HUP or USR1}
	 */
	public static String listed(String conjunction) {
		String all = Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
		int last = all.lastIndexOf(", ");
		return all.substring(0, last) + " " + conjunction + " " + all.substring(last + 2);
	}

}
