/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.boot;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import io.daemoniker.RunMode;

/**
 * The running application as the Daemoniker starter manages it: its PID file, how it
 * runs, the signals it handles, and a way to stop it. A bean, present while the
 * {@code daemoniker.pid-file} property is set.
 */
public interface ManagedDaemon {

	/**
	 * Returns the PID of this process.
	 * @return the PID
	 */
	long pid();

	/**
	 * Returns the PID file.
	 * @return its absolute path
	 */
	Path pidFile();

	/**
	 * Returns how this process runs.
	 * @return {@link RunMode#DAEMON} or {@link RunMode#FOREGROUND}
	 */
	RunMode mode();

	/**
	 * Returns when this process started.
	 * @return the start time
	 */
	Instant startTime();

	/**
	 * Returns the signals this application handles, with how many times each arrived.
	 * @return signal names, such as {@code HUP}, to delivery counts, in signal order
	 */
	Map<String, Long> handledSignals();

	/**
	 * Stops the application gracefully, as {@code SIGTERM} does: closes the application
	 * context on another thread (the web server drains in-flight requests, beans are
	 * destroyed), then ends the process with status 0, which removes the PID file.
	 * Returns at once; later calls do nothing.
	 */
	void requestStop();

	/**
	 * Sends a signal to this process through the operating system, as another process
	 * does with {@link io.daemoniker.Daemoniker#send}.
	 * @param name {@code INT}, {@code TERM}, {@code ABRT}, {@code HUP} or {@code USR1},
	 * with or without the {@code SIG} prefix, in any case
	 * @throws IllegalArgumentException if the signal is not one of these
	 * @throws io.daemoniker.DaemonikerException if it cannot be sent
	 */
	void signal(String name);

}
