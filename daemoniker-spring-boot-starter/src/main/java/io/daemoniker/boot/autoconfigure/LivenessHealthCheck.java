/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.boot.autoconfigure;

import io.daemoniker.boot.WatchdogHealthCheck;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.LivenessState;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The watchdog's health check without Actuator: healthy while the application's liveness
 * state is {@link LivenessState#CORRECT}, or, without an {@link ApplicationAvailability},
 * while the application context is active.
 */
final class LivenessHealthCheck implements WatchdogHealthCheck {

	private final @Nullable ApplicationAvailability availability;

	private final ConfigurableApplicationContext context;

	LivenessHealthCheck(@Nullable ApplicationAvailability availability, ConfigurableApplicationContext context) {
		this.availability = availability;
		this.context = context;
	}

	@Override
	public boolean isHealthy() {
		if (this.availability != null) {
			return this.availability.getLivenessState() == LivenessState.CORRECT;
		}
		return this.context.isActive();
	}

	@Override
	public String toString() {
		return (this.availability != null) ? "liveness state" : "application context active";
	}

}
