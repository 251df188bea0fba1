/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.boot.autoconfigure;

import java.nio.file.Path;

import io.daemoniker.Daemoniker;
import io.daemoniker.RunMode;
import io.daemoniker.boot.ManagedDaemon;
import io.daemoniker.boot.OnSignal;
import io.daemoniker.systemd.Supervision;

import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the Daemoniker starter, active while {@code daemoniker.pid-file}
 * is set: the {@link ManagedDaemon} that dispatches signals to {@link OnSignal} methods
 * and shuts the application down gracefully on {@code SIGTERM} and {@code SIGINT}.
 * Daemonizing itself happens earlier, in {@link DaemonizingApplicationListener}.
 */
@AutoConfiguration
@ConditionalOnPidFile
@EnableConfigurationProperties(DaemonikerProperties.class)
public final class DaemonikerAutoConfiguration {

	DaemonikerAutoConfiguration() {
	}

	@Bean
	SignalMethodRegistry daemonikerSignalMethodRegistry() {
		return new SignalMethodRegistry();
	}

	@Bean
	ShutdownPolicy daemonikerShutdownPolicy(DaemonikerProperties properties, ConfigurableApplicationContext context) {
		return new ShutdownPolicy(DaemonizeOptionsMapper.shutdownSignalNumbers(properties), context);
	}

	// No inferred destroy method: closing the context must not stop the process.
	@Bean(destroyMethod = "")
	SignalDispatchLifecycle daemonikerSignalDispatchLifecycle(DaemonikerProperties properties,
			SignalMethodRegistry methods, ShutdownPolicy shutdown) {
		return new SignalDispatchLifecycle(pidFile(properties), methods, shutdown);
	}

	@Bean(destroyMethod = "")
	@ConditionalOnMissingBean(ManagedDaemon.class)
	StarterManagedDaemon daemonikerManagedDaemon(DaemonikerProperties properties, SignalDispatchLifecycle dispatch,
			SignalMethodRegistry methods, ShutdownPolicy shutdown) {
		RunMode mode = Daemoniker.isDaemon() ? RunMode.DAEMON : properties.getMode().resolve(Supervision.detect());
		return new StarterManagedDaemon(pidFile(properties), mode, dispatch, methods, shutdown);
	}

	private static Path pidFile(DaemonikerProperties properties) {
		return PidFileLocation.held(Path.of(String.valueOf(properties.getPidFile())));
	}

	@Bean
	static OnSignalMethodProcessor daemonikerOnSignalMethodProcessor() {
		return new OnSignalMethodProcessor();
	}

	@Bean
	static LazyInitializationExcludeFilter daemonikerLazyInitializationExcludeFilter() {
		// Lazy beans would hide their handlers until first use, and the dispatch must
		// run from the start.
		return (beanName, beanDefinition, beanType) -> SignalDispatchLifecycle.class.isAssignableFrom(beanType)
				|| !OnSignalMethodProcessor.findAnnotatedMethods(beanType).isEmpty();
	}

}
