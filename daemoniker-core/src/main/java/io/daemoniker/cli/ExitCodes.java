/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.cli;

/**
 * The exit codes of LSB init scripts (Linux Standard Base, "Init Script Actions"), which
 * service managers and scripts read. {@code status} has its own: 0 running, 1 dead with a
 * PID file left, 3 not running, 4 unknown ({@link io.daemoniker.DaemonStatus.State}).
 */
final class ExitCodes {

	/** Success; for {@code stop}, also a daemon that was not running. */
	static final int OK = 0;

	/**
	 * A generic failure: still running after the wait, a PID file that is not trusted.
	 */
	static final int FAILED = 1;

	/** Invalid or excess arguments. */
	static final int USAGE = 2;

	/** The daemon is not running, for the verbs that need it to be: send, restart. */
	static final int NOT_RUNNING = 7;

	private ExitCodes() {
	}

}
