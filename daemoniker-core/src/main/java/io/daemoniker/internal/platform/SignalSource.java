/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.platform;

import java.util.function.IntConsumer;

import io.daemoniker.SignalError;

/**
 * Where signals come from: the JVM's own signal handling on Unix, a sentinel process on
 * Windows ({@link Platform#signalSource}). Whoever uses it installs and restores one
 * signal at a time.
 */
public interface SignalSource {

	/**
	 * Delivers a signal to a consumer from now on.
	 * @param signum the signal number
	 * @param delivery called with the signal number on each delivery; must return quickly
	 * @throws SignalError if the signal cannot be handled here
	 */
	void handle(int signum, IntConsumer delivery);

	/**
	 * Ignores a signal from now on.
	 * @param signum the signal number
	 * @throws SignalError if the signal cannot be ignored here
	 */
	void ignore(int signum);

	/**
	 * Returns whether each delivery arrives on a fresh thread of its own, on which the
	 * handler may run.
	 * @return {@code true} where the JVM starts a thread per delivery
	 */
	default boolean deliversOnFreshThreads() {
		return false;
	}

	/**
	 * Gives every signal back the handling it had, and releases what the source holds.
	 */
	void close();

}
