/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.boot.autoconfigure;

import io.daemoniker.boot.ManagedDaemon;
import io.daemoniker.boot.OnSignal;

import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * Auto-configuration of the Daemoniker starter, active while {@code daemoniker.pid-file}
 * is set: the {@link ManagedDaemon} that dispatches signals to {@link OnSignal} methods
 * and shuts the application down gracefully on {@code SIGTERM} and {@code SIGINT}.
 * Daemonizing itself happens earlier, in {@link DaemonizingApplicationListener}.
 */
@AutoConfiguration
@Conditional(OnPidFileCondition.class)
@EnableConfigurationProperties(DaemonikerProperties.class)
public final class DaemonikerAutoConfiguration {

	DaemonikerAutoConfiguration() {
	}

	// No inferred destroy method: closing the context must not stop the process.
	@Bean(destroyMethod = "")
	@ConditionalOnMissingBean(ManagedDaemon.class)
	DaemonikerLifecycle daemonikerLifecycle(DaemonikerProperties properties, ConfigurableApplicationContext context) {
		return new DaemonikerLifecycle(properties, context);
	}

	@Bean
	static OnSignalMethodProcessor daemonikerOnSignalMethodProcessor() {
		return new OnSignalMethodProcessor();
	}

	@Bean
	static LazyInitializationExcludeFilter daemonikerLazyInitializationExcludeFilter() {
		// Lazy beans would hide their handlers until first use, and the dispatcher must
		// run from the start.
		return (beanName, beanDefinition, beanType) -> DaemonikerLifecycle.class.isAssignableFrom(beanType)
				|| !OnSignalMethodProcessor.findAnnotatedMethods(beanType).isEmpty();
	}

}
