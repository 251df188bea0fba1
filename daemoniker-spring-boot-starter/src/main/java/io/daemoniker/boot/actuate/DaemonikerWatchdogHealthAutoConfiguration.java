/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.boot.actuate;

import io.daemoniker.boot.WatchdogHealthCheck;
import io.daemoniker.boot.autoconfigure.ConditionalOnPidFile;
import io.daemoniker.boot.autoconfigure.DaemonikerProperties;
import io.daemoniker.boot.autoconfigure.DaemonikerSystemdAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@link WatchdogHealthCheck} that follows Actuator's health:
 * systemd's watchdog is fed while the health endpoint reports {@code UP}, for the whole
 * application or for the group named by {@code daemoniker.systemd.watchdog.health-group}.
 * Active when Actuator's health endpoint is present and the starter manages the
 * application; otherwise the starter falls back to the liveness state.
 */
@AutoConfiguration(before = DaemonikerSystemdAutoConfiguration.class,
		afterName = "org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration")
@ConditionalOnClass(HealthEndpoint.class)
@ConditionalOnPidFile
@ConditionalOnProperty(name = "daemoniker.systemd.watchdog.enabled", matchIfMissing = true)
@EnableConfigurationProperties(DaemonikerProperties.class)
public final class DaemonikerWatchdogHealthAutoConfiguration {

	DaemonikerWatchdogHealthAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean(WatchdogHealthCheck.class)
	@ConditionalOnBean(HealthEndpoint.class)
	ActuatorHealthCheck daemonikerWatchdogHealthCheck(HealthEndpoint healthEndpoint, HealthEndpointGroups groups,
			DaemonikerProperties properties) {
		return new ActuatorHealthCheck(healthEndpoint, groups, properties.getSystemd().getWatchdog().getHealthGroup());
	}

}
