/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.sentinel;

import java.io.IOException;

/**
 * Starts sentinel processes. Each operating system has its own; the watcher that uses
 * them is the same everywhere.
 */
@FunctionalInterface
public interface SentinelStarter {

	/**
	 * Starts a new sentinel.
	 * @return the running sentinel
	 * @throws IOException if it cannot be started
	 */
	Sentinel start() throws IOException;

}
