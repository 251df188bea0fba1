/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.launch.daemon;

/**
 * Where a process under Daemoniker reports how its start-up ended: the daemon's launcher
 * (and systemd), or, in the foreground, systemd alone.
 * <p>
 * Public for the facade's {@code DaemonHandle}, which reports through it; the two sides
 * implement it so that the handle needs no method reference on a daemon's way to "ready".
 */
public interface StartReport {

	/**
	 * Confirms start-up. Does nothing once start-up was confirmed or reported as failed.
	 */
	void ready();

	/**
	 * Reports that start-up failed.
	 * @param message why start-up failed
	 */
	void failed(String message);

}
