/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.platform;

import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;

import io.daemoniker.SignalError;
import io.daemoniker.internal.platform.Platform;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Signals through {@code sun.misc.Signal}, which the JDK supports for INT, TERM, HUP,
 * ABRT and USR1. The JVM reserves QUIT (thread dumps), USR2 and the fault signals, and
 * refuses INT, TERM and HUP under {@code -Xrs}.
 */
public final class UnixSignalSource implements SignalSource {

	private final Map<Integer, SignalHandler> previous = new ConcurrentHashMap<>();

	@Override
	public void handle(int signum, IntConsumer delivery) {
		install(signum, new Delivery(delivery));
	}

	@Override
	public boolean deliversOnFreshThreads() {
		// The JDK runs each delivery on a new thread of its own.
		return true;
	}

	@Override
	public void ignore(int signum) {
		install(signum, SignalHandler.SIG_IGN);
	}

	private void install(int signum, SignalHandler handler) {
		Signal signal = signal(signum);
		SignalHandler old = swap(signal, handler);
		if (old == SignalHandler.SIG_IGN && handler != SignalHandler.SIG_IGN) {
			// The JVM installs nothing for a signal that the process inherited as ignored
			// (under nohup, say): give it back its default disposition and try again.
			Platform.current().restoreIgnoredSignals(signum);
			swap(signal, handler);
		}
		this.previous.putIfAbsent(signum, old);
	}

	private static SignalHandler swap(Signal signal, SignalHandler handler) {
		try {
			return Signal.handle(signal, handler);
		}
		catch (IllegalArgumentException ex) {
			throw new SignalError("the JVM does not let SIG" + signal.getName() + " be handled: " + ex.getMessage()
					+ "; it reserves QUIT, USR2 and the fault signals, and INT, TERM and HUP when started with -Xrs",
					ex);
		}
	}

	private static Signal signal(int signum) {
		try {
			return new Signal(SignalNumbers.name(signum));
		}
		catch (IllegalArgumentException ex) {
			throw new SignalError("signal " + signum + " is unknown to this JVM", ex);
		}
	}

	private void restore(int signum) {
		SignalHandler old = this.previous.remove(signum);
		if (old != null) {
			swap(signal(signum), old);
		}
	}

	@Override
	public void close() {
		for (Integer signum : new ArrayList<>(this.previous.keySet())) {
			restore(signum);
		}
	}

	/**
	 * Hands each signal's number on; a class, not a lambda: a daemon sets this up on its
	 * way to "ready", where the first use of each lambda or method reference costs its
	 * short-lived start a generated class.
	 */
	private static final class Delivery implements SignalHandler {

		private final IntConsumer target;

		Delivery(IntConsumer target) {
			this.target = target;
		}

		@Override
		public void handle(Signal signal) {
			this.target.accept(signal.getNumber());
		}

	}

}
