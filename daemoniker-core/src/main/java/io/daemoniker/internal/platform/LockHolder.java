/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.platform;

/**
 * Who holds locks on a file, as far as the platform can tell.
 *
 * @param state what kind of answer this is
 * @param pid the holder's PID for {@link State#PROCESS}, else {@code -1}
 * @param description for {@link State#FOREIGN}, what holds which lock, such as "pid 42
 * holds a shared flock lock"
 */
public record LockHolder(State state, long pid, String description) {

	private static final LockHolder NONE = new LockHolder(State.NONE, -1, "not locked by any process");

	private static final LockHolder UNNAMED = new LockHolder(State.UNNAMED, -1,
			"locked by a process that cannot be named");

	/**
	 * Returns the answer for a file that nobody has locked.
	 * @return the answer
	 */
	public static LockHolder none() {
		return NONE;
	}

	/**
	 * Returns the answer for a file locked by a process that the platform cannot name.
	 * @return the answer
	 */
	public static LockHolder unnamed() {
		return UNNAMED;
	}

	/**
	 * Returns the answer for a file that a process holds exclusively, as a daemon holds
	 * its PID file.
	 * @param pid the process
	 * @return the answer
	 */
	public static LockHolder process(long pid) {
		return new LockHolder(State.PROCESS, pid, "locked by pid " + pid);
	}

	/**
	 * Returns the answer for a file that is locked, but not as a daemon locks its PID
	 * file.
	 * @param description what holds which lock
	 * @return the answer
	 */
	public static LockHolder foreign(String description) {
		return new LockHolder(State.FOREIGN, -1, description);
	}

	/**
	 * The kinds of answer.
	 */
	public enum State {

		/** No process holds a lock. */
		NONE,

		/** One process, named by {@link LockHolder#pid()}, holds an exclusive lock. */
		PROCESS,

		/**
		 * A process holds a lock, but the platform cannot tell which (Windows, macOS).
		 */
		UNNAMED,

		/** Locks are held, but none as a daemon holds its PID file. */
		FOREIGN

	}

}
