/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.sentinel;

import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a signal from the exit code of a sentinel process. A sender terminates the
 * sentinel with the signal's number as exit code ({@code TerminateProcess} on Windows).
 * Two more codes stand for a signal: {@code STATUS_CONTROL_C_EXIT}, the code of a Windows
 * console process ended by CTRL_C or CTRL_BREAK, stands for SIGINT; and 128 plus a
 * number, how Java reports a process that a Unix signal killed, stands for that signal,
 * so that a Unix process can serve as a sentinel too. Every other code means that the
 * sentinel ended without a signal.
 */
public final class SentinelExitCodes {

	/** Exit code of a Windows console process ended by CTRL_C or CTRL_BREAK. */
	public static final int STATUS_CONTROL_C_EXIT = 0xC000013A;

	private static final int UNIX_SIGNAL_OFFSET = 128;

	private final Set<Integer> signals;

	private final int sigint;

	/**
	 * Creates a mapping for a set of signals.
	 * @param sigint the number of SIGINT, which CTRL_C and CTRL_BREAK stand for
	 * @param signals the numbers that a sentinel's exit code can carry
	 */
	public SentinelExitCodes(int sigint, int... signals) {
		this.sigint = sigint;
		this.signals = new TreeSet<>();
		this.signals.add(sigint);
		for (int signal : signals) {
			this.signals.add(signal);
		}
	}

	/**
	 * Returns the signal an exit code stands for.
	 * @param exitCode the sentinel's exit code
	 * @return the signal number, or empty when the code stands for no signal
	 */
	public OptionalInt signalOf(int exitCode) {
		if (exitCode == STATUS_CONTROL_C_EXIT) {
			return OptionalInt.of(this.sigint);
		}
		if (exitCode > 0 && this.signals.contains(exitCode)) {
			return OptionalInt.of(exitCode);
		}
		if (exitCode > UNIX_SIGNAL_OFFSET && this.signals.contains(exitCode - UNIX_SIGNAL_OFFSET)) {
			return OptionalInt.of(exitCode - UNIX_SIGNAL_OFFSET);
		}
		return OptionalInt.empty();
	}

	@Override
	public String toString() {
		return "signals " + this.signals;
	}

}
