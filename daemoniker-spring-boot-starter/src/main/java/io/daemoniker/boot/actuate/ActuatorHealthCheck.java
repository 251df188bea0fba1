/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.boot.actuate;

import io.daemoniker.boot.WatchdogHealthCheck;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.contributor.Status;

/**
 * The watchdog's health check with Actuator: healthy while the health endpoint reports
 * {@link Status#UP}, overall or for one health group.
 */
final class ActuatorHealthCheck implements WatchdogHealthCheck {

	private final HealthEndpoint healthEndpoint;

	private final @Nullable String group;

	/**
	 * Creates the check.
	 * @param healthEndpoint the health endpoint
	 * @param groups the health groups, to check that the group exists
	 * @param group the group that decides, or {@code null} for the overall health
	 * @throws IllegalStateException if there is no such group
	 */
	ActuatorHealthCheck(HealthEndpoint healthEndpoint, HealthEndpointGroups groups, @Nullable String group) {
		String name = (group != null && !group.isBlank()) ? group.strip() : null;
		if (name != null && groups.get(name) == null) {
			throw new IllegalStateException("daemoniker.systemd.watchdog.health-group: there is no health group \""
					+ name + "\"; known groups: " + groups.getNames()
					+ " (the 'liveness' group needs management.endpoint.health.probes.enabled=true)");
		}
		this.healthEndpoint = healthEndpoint;
		this.group = name;
	}

	@Override
	public boolean isHealthy() {
		HealthDescriptor health = (this.group != null) ? this.healthEndpoint.healthForPath(this.group)
				: this.healthEndpoint.health();
		return health != null && Status.UP.equals(health.getStatus());
	}

	@Override
	public String toString() {
		return "Actuator health" + ((this.group != null) ? " of group '" + this.group + "'" : "");
	}

}
