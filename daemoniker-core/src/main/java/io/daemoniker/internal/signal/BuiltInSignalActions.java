/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.signal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntConsumer;

import io.daemoniker.internal.logging.DeferredLogger;
import io.daemoniker.internal.platform.SignalNumbers;
import io.daemoniker.internal.platform.UnixSignalSource;
import org.jspecify.annotations.Nullable;

/**
 * Actions that Daemoniker itself takes on a signal, such as reopening the standard
 * streams on {@code SIGHUP}, and that must coexist with the application's own handler for
 * the same signal. {@code SignalHandler1} runs them before the application's handler;
 * until it is started (or after it is stopped) a handler of their own runs them, so they
 * work in an application that handles no signals at all.
 */
public final class BuiltInSignalActions {

	private static final DeferredLogger LOGGER = DeferredLogger.of(BuiltInSignalActions.class);

	private static final Map<Integer, List<Runnable>> ACTIONS = new ConcurrentHashMap<>();

	private static final Map<Integer, Boolean> INSTALLED = new ConcurrentHashMap<>();

	private static volatile @Nullable SignalDispatcher dispatcher;

	private BuiltInSignalActions() {
	}

	/**
	 * Adds an action for a signal and makes sure the signal reaches it.
	 * @param signum the signal number
	 * @param action the action; runs on a dispatch thread, one signal at a time
	 * @throws io.daemoniker.SignalError if the JVM does not let the signal be handled
	 */
	public static synchronized void add(int signum, Runnable action) {
		// Plain code and named classes rather than lambdas: a daemon sets this up on its
		// way to "ready", where the first use of each lambda or method reference costs
		// its short-lived start a generated class.
		List<Runnable> actions = ACTIONS.get(signum);
		if (actions == null) {
			actions = new CopyOnWriteArrayList<>();
			ACTIONS.put(signum, actions);
		}
		actions.add(action);
		if (INSTALLED.putIfAbsent(signum, Boolean.TRUE) == null) {
			if (dispatcher == null) {
				dispatcher = new SignalDispatcher("daemoniker-built-in-signals", new ActionRunner());
			}
			SignalDispatcher target = dispatcher;
			// Never closed: SignalHandler1 saves this handler as the one before it and
			// puts it back when it stops.
			new UnixSignalSource().handle(signum, target);
		}
	}

	/**
	 * Runs the built-in actions of a signal, each protected from the others' failures.
	 * @param signum the signal number
	 * @return {@code true} if the signal had any
	 */
	public static boolean run(int signum) {
		List<Runnable> actions = ACTIONS.get(signum);
		if (actions == null || actions.isEmpty()) {
			return false;
		}
		for (Runnable action : actions) {
			try {
				action.run();
			}
			catch (RuntimeException ex) {
				LOGGER.warning("the built-in action for SIG" + SignalNumbers.name(signum) + " failed", ex);
			}
		}
		return true;
	}

	/**
	 * Runs the actions of each signal that the dispatcher hands on.
	 */
	private static final class ActionRunner implements IntConsumer {

		@Override
		public void accept(int signum) {
			run(signum);
		}

	}

}
