/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.boot.autoconfigure;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.daemoniker.HandledSignal;

/**
 * The signals a Spring application can handle through Daemoniker, as the starter names
 * them in properties, annotations and messages: the core's {@link HandledSignal}, which
 * also says why any other signal cannot be handled.
 */
final class Signals {

	static final String SUPPORTED_NAMES = HandledSignal.listed("or");

	private static final Map<String, Integer> SUPPORTED;

	static {
		Map<String, Integer> supported = new LinkedHashMap<>();
		for (HandledSignal signal : HandledSignal.values()) {
			supported.put(signal.name(), signal.signum());
		}
		SUPPORTED = Collections.unmodifiableMap(supported);
	}

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
		return HandledSignal.named(name).signum();
	}

	/**
	 * Returns the name of a supported signal.
	 * @param signum its number
	 * @return the name without the {@code SIG} prefix, or the number as text for any
	 * other signal
	 */
	static String name(int signum) {
		return HandledSignal.of(signum).map(HandledSignal::name).orElse(Integer.toString(signum));
	}

}
