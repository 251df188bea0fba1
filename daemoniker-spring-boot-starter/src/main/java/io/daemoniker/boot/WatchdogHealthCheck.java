/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.boot;

/**
 * Decides whether the application is healthy enough to tell systemd's watchdog that it is
 * alive ({@code WATCHDOG=1}). The starter provides one that follows Actuator's health
 * (status {@code UP}) when Actuator is present, and the application's liveness state
 * ({@code LivenessState.CORRECT}) otherwise; declare a bean of this type to decide
 * yourself.
 * <p>
 * Called from the watchdog's own thread, once every half watchdog interval. A check that
 * throws counts as unhealthy. An unhealthy answer sends nothing, and systemd restarts the
 * service once a whole interval has passed without a keep-alive.
 */
@FunctionalInterface
public interface WatchdogHealthCheck {

	/**
	 * Returns whether the application is healthy.
	 * @return {@code true} to send a keep-alive now
	 */
	boolean isHealthy();

}
