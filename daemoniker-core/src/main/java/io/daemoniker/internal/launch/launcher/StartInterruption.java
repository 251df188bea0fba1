/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.launch.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

import org.jspecify.annotations.Nullable;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Turns {@code SIGINT} (Ctrl-C) and {@code SIGTERM} to the launcher, while it starts a
 * daemon, into a request to abort the start. Left to the JVM, either signal would end the
 * launcher at once and leave a half-started daemon running. The previous handlers come
 * back on {@link #close()}. A signal that the launcher inherited as ignored stays
 * ignored: the JVM does not install handlers for it.
 */
final class StartInterruption implements AutoCloseable, SignalHandler {

	private static final String[] SIGNALS = { "INT", "TERM" };

	private final List<Signal> installed = new ArrayList<>();

	private final List<SignalHandler> previous = new ArrayList<>();

	private volatile int signalled;

	private volatile @Nullable IntConsumer listener;

	private StartInterruption() {
	}

	/**
	 * Installs the handlers.
	 * @return the installed interruption, which the caller must close
	 */
	static StartInterruption install() {
		StartInterruption interruption = new StartInterruption();
		for (String name : SIGNALS) {
			try {
				Signal signal = new Signal(name);
				// The interruption is the handler itself, not a method reference: the
				// launcher is a short-lived JVM, and the first use of each lambda or
				// method reference costs it a generated class.
				SignalHandler old = Signal.handle(signal, interruption);
				interruption.installed.add(signal);
				interruption.previous.add(old);
			}
			catch (IllegalArgumentException | UnsupportedOperationException ex) {
				// Refused by the JVM (under -Xrs) or unknown here: that signal keeps its
				// default.
			}
		}
		return interruption;
	}

	@Override
	public void handle(Signal signal) {
		if (this.signalled == 0) {
			this.signalled = signal.getNumber();
		}
		IntConsumer target = this.listener;
		if (target != null) {
			target.accept(signal.getNumber());
		}
	}

	/**
	 * Returns the first signal that arrived.
	 * @return its number, or {@code 0} if none did
	 */
	int signalled() {
		return this.signalled;
	}

	/**
	 * Passes on signals to a listener, including one that arrived before.
	 * @param listener receives the signal number
	 */
	void notify(IntConsumer listener) {
		this.listener = listener;
		int earlier = this.signalled;
		if (earlier != 0) {
			listener.accept(earlier);
		}
	}

	@Override
	public void close() {
		this.listener = null;
		for (int i = 0; i < this.installed.size(); i++) {
			try {
				Signal.handle(this.installed.get(i), this.previous.get(i));
			}
			catch (IllegalArgumentException ex) {
				// It was installed a moment ago, so it can be restored.
			}
		}
	}

}
