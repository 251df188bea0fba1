/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.logging;

import java.lang.System.Logger.Level;

/**
 * Daemoniker's diagnostics from inside the daemon, through {@link System.Logger}, so that
 * they reach the application's logging (Spring Boot's, say). The logger is looked up each
 * time there is something to log, never before: looking it up finds and starts the JDK's
 * logging back end, a cost that a daemon which logs nothing should not pay on its way to
 * "ready". Holding one of these costs nothing of the kind, so a class keeps it in a
 * constant.
 * <p>
 * Public for the classes that log this way: {@code SignalDispatcher},
 * {@code BuiltInSignalActions}, {@code SentinelSignalSource}, {@code StreamReopening},
 * {@code SystemdReadiness} and {@code SystemdWatchdog}.
 */
public final class DeferredLogger {

	private final String name;

	private DeferredLogger(String name) {
		this.name = name;
	}

	/**
	 * Returns the logger named after a class, not yet looked up.
	 * @param source the class that logs
	 * @return the logger
	 */
	public static DeferredLogger of(Class<?> source) {
		return new DeferredLogger(source.getName());
	}

	/**
	 * Logs a warning.
	 * @param message the message
	 */
	public void warning(String message) {
		logger().log(Level.WARNING, message);
	}

	/**
	 * Logs a warning with the exception that caused it.
	 * @param message the message
	 * @param thrown the exception
	 */
	public void warning(String message, Throwable thrown) {
		logger().log(Level.WARNING, message, thrown);
	}

	/**
	 * Logs an error with the exception that caused it.
	 * @param message the message
	 * @param thrown the exception
	 */
	public void error(String message, Throwable thrown) {
		logger().log(Level.ERROR, message, thrown);
	}

	private System.Logger logger() {
		return System.getLogger(this.name);
	}

}
