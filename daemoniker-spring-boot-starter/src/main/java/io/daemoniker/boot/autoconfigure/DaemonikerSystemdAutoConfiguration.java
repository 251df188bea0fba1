/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.boot.autoconfigure;

import java.util.Map;

import io.daemoniker.boot.WatchdogHealthCheck;
import io.daemoniker.systemd.SystemdNotifier;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of the notifications to systemd, active while
 * {@code daemoniker.pid-file} is set: status lines, {@code EXTEND_TIMEOUT_USEC=} while a
 * start makes progress, {@code STOPPING=1} when the context begins to close, and
 * {@code WATCHDOG=1} keep-alives while the application is healthy. They go to the socket
 * in {@code NOTIFY_SOCKET}; without it nothing is sent. {@code READY=1} itself is sent
 * when the application is ready, by the early listener.
 */
@AutoConfiguration(after = DaemonikerAutoConfiguration.class)
@ConditionalOnPidFile
@EnableConfigurationProperties(DaemonikerProperties.class)
public final class DaemonikerSystemdAutoConfiguration {

	private static final Log logger = LogFactory.getLog(DaemonikerSystemdAutoConfiguration.class);

	DaemonikerSystemdAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean
	SystemdNotifier daemonikerSystemdNotifier() {
		try {
			return SystemdNotifier.fromEnvironment();
		}
		catch (IllegalArgumentException ex) {
			logger.warn("Not notifying systemd: " + ex.getMessage());
			return SystemdNotifier.from(Map.of());
		}
	}

	@Bean
	@ConditionalOnMissingBean
	WatchdogHealthCheck daemonikerWatchdogHealthCheck(ObjectProvider<ApplicationAvailability> availability,
			ConfigurableApplicationContext context) {
		// Actuator's health, when present, is configured before this
		// (DaemonikerWatchdogHealthAutoConfiguration).
		return new LivenessHealthCheck(availability.getIfAvailable(), context);
	}

	@Bean
	static StartTimeoutExtension daemonikerStartTimeoutExtension(Environment environment) {
		return StartTimeoutExtension.from(environment);
	}

	@Bean
	SystemdNotifications daemonikerSystemdNotifications(SystemdNotifier notifier, DaemonikerProperties properties,
			ObjectProvider<WatchdogHealthCheck> healthCheck, ConfigurableApplicationContext context,
			Environment environment, ObjectProvider<SignalDispatchLifecycle> dispatch,
			StartTimeoutExtension startTimeout) {
		WatchdogHealthCheck check = properties.getSystemd().getWatchdog().isEnabled() ? healthCheck.getIfAvailable()
				: null;
		SystemdNotifications notifications = new SystemdNotifications(notifier, context, environment, check);
		notifications.endsStartWith(startTimeout);
		if (notifier.isEnabled()) {
			// A reload on SIGHUP (Type=notify-reload's signal, or ExecReload= sending
			// HUP) is reported as RELOADING=1 ... READY=1.
			dispatch.ifAvailable((signals) -> signals.observeReloads(notifications));
		}
		return notifications;
	}

}
