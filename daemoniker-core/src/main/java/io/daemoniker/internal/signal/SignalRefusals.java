/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.signal;

import java.util.Map;
import java.util.Optional;

import io.daemoniker.internal.platform.OperatingSystem;

/**
 * Why a signal outside the handled set is refused: why an application cannot handle it,
 * and why {@code send} does not deliver it to a JVM daemon. Both answers stand side by
 * side because they come from the same facts about the JVM: it reserves {@code QUIT} for
 * thread dumps and {@code USR2} for suspending its own threads, it takes the fault
 * signals for faults in its own code, and no process can catch {@code KILL} or
 * {@code STOP}.
 */
public final class SignalRefusals {

	private static final String NOT_HANDLED = "Daemoniker does not";

	private static final String FAULT = "the JVM handles this fault signal itself";

	private static final String UNCATCHABLE = "no process can catch it";

	/** Why each signal cannot be handled, by name; any other is not a signal. */
	private static final Map<String, String> UNHANDLED = Map.ofEntries(
			Map.entry("QUIT", "the JVM reserves it for thread dumps"),
			Map.entry("USR2", "the JVM uses it to suspend threads on Linux"), Map.entry("KILL", UNCATCHABLE),
			Map.entry("STOP", UNCATCHABLE), Map.entry("SEGV", FAULT), Map.entry("BUS", FAULT), Map.entry("FPE", FAULT),
			Map.entry("ILL", FAULT), Map.entry("TRAP", FAULT),
			Map.entry("PIPE", "the JVM ignores it so that writes to closed sockets fail instead"),
			Map.entry("CHLD", "the JVM needs it to reap child processes"), Map.entry("ALRM", NOT_HANDLED),
			Map.entry("CONT", NOT_HANDLED), Map.entry("TSTP", NOT_HANDLED), Map.entry("TTIN", NOT_HANDLED),
			Map.entry("TTOU", NOT_HANDLED), Map.entry("WINCH", NOT_HANDLED), Map.entry("URG", NOT_HANDLED),
			Map.entry("XCPU", NOT_HANDLED), Map.entry("XFSZ", NOT_HANDLED), Map.entry("VTALRM", NOT_HANDLED),
			Map.entry("PROF", NOT_HANDLED), Map.entry("SYS", NOT_HANDLED), Map.entry("IO", NOT_HANDLED),
			Map.entry("PWR", NOT_HANDLED));

	private static final boolean BSD = OperatingSystem.current() == OperatingSystem.BSD;

	private SignalRefusals() {
	}

	/**
	 * Returns why an application cannot handle a signal that is not in the handled set.
	 * @param name the signal's name, upper case, without the {@code SIG} prefix
	 * @return the reason, or empty when the name is not that of a signal
	 */
	public static Optional<String> toHandle(String name) {
		return Optional.ofNullable(UNHANDLED.get(name));
	}

	/**
	 * Returns why a signal that is neither handled nor otherwise taken in an orderly way
	 * is not sent to a JVM daemon on Unix.
	 * @param signum the signal's number
	 * @param name its name without the {@code SIG} prefix, or the number as text
	 * @return the reason, a sentence fragment
	 */
	public static String toSend(int signum, String name) {
		if (name.equals("USR2")) {
			return "the JVM uses SIGUSR2 to suspend and resume its own threads, and one sent from outside crashes it "
					+ "(SIGSEGV, an hs_err file) and leaves the PID file stale";
		}
		if (name.equals("KILL")) {
			return "SIGKILL ends the JVM at once, without its shutdown hooks, and leaves the PID file stale; "
					+ "use stop, and only if it times out Daemoniker.kill (daemoniker force-stop)";
		}
		if (name.equals("STOP") || name.equals("TSTP") || signum == 21 || signum == 22) {
			return "it freezes the JVM, which cannot handle it, until SIGCONT";
		}
		if (isFault(signum)) {
			return "the JVM takes it for a fault in its own code: it crashes, writes an hs_err file and leaves "
					+ "the PID file stale";
		}
		return "a JVM daemon has no handler for it, so it would end the JVM without its shutdown hooks "
				+ "(leaving the PID file stale) or be ignored";
	}

	private static boolean isFault(int signum) {
		// SIGILL, SIGTRAP, SIGFPE and SIGSEGV have the same numbers on Linux and the
		// BSDs; SIGBUS and SIGSYS do not.
		return signum == 4 || signum == 5 || signum == 8 || signum == 11 || signum == (BSD ? 10 : 7)
				|| signum == (BSD ? 12 : 31);
	}

}
