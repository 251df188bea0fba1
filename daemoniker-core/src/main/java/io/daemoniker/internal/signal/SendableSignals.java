/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.signal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import io.daemoniker.HandledSignal;
import io.daemoniker.internal.platform.OperatingSystem;
import io.daemoniker.internal.platform.SignalNumbers;

/**
 * Which signals {@code send} delivers to a JVM daemon, and why it refuses the others.
 * Only signals that a daemon takes in an orderly way are sent: those that
 * {@code SignalHandler1} handles, and {@code QUIT}, on which the JVM prints a thread
 * dump. Every other signal would crash the JVM, freeze it, end it without its shutdown
 * hooks (leaving a stale PID file), or do nothing. On Windows, where signals are carried
 * by sentinel processes, every signal of the table is sent.
 */
public final class SendableSignals {

	/**
	 * The signals that are sent, in the order they are suggested: every handled signal,
	 * TERM first as the one most often meant, then QUIT for a thread dump and CONT.
	 */
	private static final List<String> SENDABLE = sendable(HandledSignal.TERM, HandledSignal.INT, HandledSignal.HUP,
			HandledSignal.USR1, HandledSignal.ABRT);

	private static final boolean UNIX = OperatingSystem.current().isUnix();

	private SendableSignals() {
	}

	/**
	 * Returns the names of the signals that are sent, for messages.
	 * @return names without the {@code SIG} prefix
	 */
	public static List<String> names() {
		return UNIX ? SENDABLE : List.copyOf(SignalNumbers.all().keySet());
	}

	/**
	 * Returns why a signal is not sent to a JVM daemon, if it is not.
	 * @param signum the signal number
	 * @return the reason, a sentence fragment naming the signal, or empty if it is sent
	 */
	public static Optional<String> refusal(int signum) {
		if (signum <= 0 || signum > 64) {
			return Optional.of("signal number " + signum + " is out of range; use 1 to 64");
		}
		if (!UNIX) {
			return Optional.empty();
		}
		String name = SignalNumbers.name(signum);
		if (SENDABLE.contains(name)) {
			return Optional.empty();
		}
		String signal = isNamed(signum) ? "SIG" + name : "signal " + signum;
		return Optional.of("not sending " + signal + ": " + SignalRefusals.toSend(signum, name) + "; send one of "
				+ String.join(", ", SENDABLE));
	}

	/**
	 * Returns what an operator should know about a signal that was sent, if anything.
	 * @param signum the signal number
	 * @param stdout where the daemon's standard output goes, if known
	 * @return the note, or empty
	 */
	public static Optional<String> note(int signum, Optional<String> stdout) {
		if (UNIX && signum == number("QUIT")) {
			return Optional.of("the JVM prints its thread dump on the daemon's standard output"
					+ stdout.map((target) -> " (" + target + ")").orElse(""));
		}
		return Optional.empty();
	}

	private static List<String> sendable(HandledSignal... handled) {
		List<String> names = new ArrayList<>();
		Arrays.stream(handled).map(HandledSignal::name).forEach(names::add);
		names.add("QUIT");
		names.add("CONT");
		return List.copyOf(names);
	}

	private static boolean isNamed(int signum) {
		return SignalNumbers.all().containsValue(signum);
	}

	private static int number(String name) {
		OptionalInt number = SignalNumbers.number(name);
		return number.orElse(-1);
	}

}
