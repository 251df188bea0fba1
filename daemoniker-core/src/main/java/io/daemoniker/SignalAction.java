/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker;

/**
 * A handler for a signal, as {@link SignalHandler1} calls it. Handlers run one at a time,
 * in order of arrival, never on the thread that registered them, and a signal that the
 * JVM receives while a handler runs is queued and runs next. Signals of one kind sent
 * faster than the JVM takes them can be merged by the kernel into one: see
 * {@link SignalHandler1}.
 */
@FunctionalInterface
public interface SignalAction {

	/**
	 * Handles a signal.
	 * @param signum the number of the signal that arrived
	 * @throws Exception anything; it is reported on standard error and dispatching goes
	 * on
	 */
	void handle(int signum) throws Exception;

}
