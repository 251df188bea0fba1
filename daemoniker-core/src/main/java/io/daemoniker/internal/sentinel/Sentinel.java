/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.sentinel;

/**
 * A running sentinel process: a child of the daemon that does nothing but wait. Another
 * process signals the daemon by ending the sentinel with the signal's number as exit
 * code; the daemon learns the signal from that exit code.
 */
public interface Sentinel {

	/**
	 * Returns the sentinel's PID, which the PID file publishes.
	 * @return the PID
	 */
	long pid();

	/**
	 * Waits until the sentinel has ended.
	 * @return its exit code
	 * @throws InterruptedException if the waiting thread is interrupted
	 */
	int awaitExit() throws InterruptedException;

	/**
	 * Ends the sentinel on the daemon's own behalf: asks it to exit, and forces it if it
	 * does not. Does not wait for it longer than that takes.
	 */
	void stop();

	/**
	 * Returns whether {@link #stop()} had to force the sentinel to end, in which case its
	 * exit code tells nothing about a signal.
	 * @return {@code true} if it was forced
	 */
	boolean wasForced();

	/**
	 * Lets go of an ended sentinel once its successor is published. Until then the
	 * sentinel's PID stays taken (Windows does not reuse the PID of a process while a
	 * handle to it is open), so a sender that still reads the old PID finds an ended
	 * process rather than an unrelated one.
	 */
	default void release() {
	}

}
