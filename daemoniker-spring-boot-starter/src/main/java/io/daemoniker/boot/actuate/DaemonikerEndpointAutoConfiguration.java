/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.boot.actuate;

import io.daemoniker.boot.ManagedDaemon;
import io.daemoniker.boot.autoconfigure.DaemonikerAutoConfiguration;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@link DaemonikerEndpoint}, when Actuator is present, the
 * endpoint is available (access granted and exposed), and the starter manages the
 * application.
 */
@AutoConfiguration(after = DaemonikerAutoConfiguration.class)
@ConditionalOnClass(Endpoint.class)
@ConditionalOnAvailableEndpoint(DaemonikerEndpoint.class)
public final class DaemonikerEndpointAutoConfiguration {

	DaemonikerEndpointAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(ManagedDaemon.class)
	DaemonikerEndpoint daemonikerEndpoint(ManagedDaemon daemon) {
		return new DaemonikerEndpoint(daemon);
	}

}
