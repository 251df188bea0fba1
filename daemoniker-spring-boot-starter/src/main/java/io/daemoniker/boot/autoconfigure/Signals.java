/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.boot.autoconfigure;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.daemoniker.SIGABRT;
import io.daemoniker.SIGHUP;
import io.daemoniker.SIGINT;
import io.daemoniker.SIGTERM;
import io.daemoniker.SIGUSR1;

/**
 * The signals a Spring application can handle through Daemoniker, by name, and why the
 * others cannot be.
 */
final class Signals {

	static final String SUPPORTED_NAMES = "INT, TERM, ABRT, HUP or USR1";

	private static final Map<String, Integer> SUPPORTED;

	static {
		Map<String, Integer> supported = new LinkedHashMap<>();
		supported.put("INT", SIGINT.SIGNUM);
		supported.put("TERM", SIGTERM.SIGNUM);
		supported.put("ABRT", SIGABRT.SIGNUM);
		supported.put("HUP", SIGHUP.SIGNUM);
		supported.put("USR1", SIGUSR1.SIGNUM);
		SUPPORTED = Collections.unmodifiableMap(supported);
	}

	private static final Map<String, String> REFUSED = Map.ofEntries(
			Map.entry("QUIT", "the JVM reserves it for thread dumps"),
			Map.entry("USR2", "the JVM uses it to suspend threads on Linux"),
			Map.entry("KILL", "no process can catch it"), Map.entry("STOP", "no process can catch it"),
			Map.entry("SEGV", "the JVM handles this fault signal itself"),
			Map.entry("BUS", "the JVM handles this fault signal itself"),
			Map.entry("FPE", "the JVM handles this fault signal itself"),
			Map.entry("ILL", "the JVM handles this fault signal itself"),
			Map.entry("TRAP", "the JVM handles this fault signal itself"),
			Map.entry("PIPE", "the JVM ignores it so that writes to closed sockets fail instead"),
			Map.entry("CHLD", "the JVM needs it to reap child processes"), Map.entry("ALRM", "Daemoniker does not"),
			Map.entry("CONT", "Daemoniker does not"), Map.entry("TSTP", "Daemoniker does not"),
			Map.entry("TTIN", "Daemoniker does not"), Map.entry("TTOU", "Daemoniker does not"),
			Map.entry("WINCH", "Daemoniker does not"), Map.entry("URG", "Daemoniker does not"),
			Map.entry("XCPU", "Daemoniker does not"), Map.entry("XFSZ", "Daemoniker does not"),
			Map.entry("VTALRM", "Daemoniker does not"), Map.entry("PROF", "Daemoniker does not"),
			Map.entry("SYS", "Daemoniker does not"), Map.entry("IO", "Daemoniker does not"),
			Map.entry("PWR", "Daemoniker does not"));

	private Signals() {
	}

	/**
	 * Returns the supported signals by name, in the order they are listed.
	 * @return names such as {@code HUP} to signal numbers
	 */
	static Map<String, Integer> supported() {
		return SUPPORTED;
	}

	/**
	 * Returns the number of a supported signal.
	 * @param name such as {@code HUP}, {@code SIGHUP} or {@code hup}
	 * @return the signal number on this operating system
	 * @throws IllegalArgumentException naming the signal and what can be used instead
	 */
	static int number(String name) {
		String key = canonical(name);
		Integer signum = SUPPORTED.get(key);
		if (signum != null) {
			return signum;
		}
		String reason = REFUSED.get(key);
		if (reason != null) {
			throw new IllegalArgumentException(
					"SIG" + key + " cannot be handled (" + reason + "); use " + SUPPORTED_NAMES);
		}
		throw new IllegalArgumentException("\"" + name + "\" is not a signal name; use " + SUPPORTED_NAMES);
	}

	/**
	 * Returns the name of a supported signal.
	 * @param signum its number
	 * @return the name without the {@code SIG} prefix, or the number as text for any
	 * other signal
	 */
	static String name(int signum) {
		for (Map.Entry<String, Integer> entry : SUPPORTED.entrySet()) {
			if (entry.getValue() == signum) {
				return entry.getKey();
			}
		}
		return Integer.toString(signum);
	}

	private static String canonical(String name) {
		String upper = name.strip().toUpperCase(Locale.ROOT);
		return upper.startsWith("SIG") ? upper.substring(3) : upper;
	}

}
