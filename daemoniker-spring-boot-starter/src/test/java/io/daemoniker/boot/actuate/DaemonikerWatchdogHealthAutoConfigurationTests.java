/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.boot.actuate;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import io.daemoniker.boot.WatchdogHealthCheck;
import io.daemoniker.boot.autoconfigure.DaemonikerSystemdAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DaemonikerWatchdogHealthAutoConfiguration}: with Actuator's health
 * endpoint, the watchdog follows its status.
 */
class DaemonikerWatchdogHealthAutoConfigurationTests {

	@TempDir
	Path temp;

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DaemonikerSystemdAutoConfiguration.class,
					DaemonikerWatchdogHealthAutoConfiguration.class, ApplicationAvailabilityAutoConfiguration.class,
					EndpointAutoConfiguration.class, HealthContributorAutoConfiguration.class,
					HealthContributorRegistryAutoConfiguration.class, HealthEndpointAutoConfiguration.class))
			.withPropertyValues("daemoniker.pid-file=" + this.temp.resolve("app.pid"))
			.withUserConfiguration(SwitchableHealthConfiguration.class);
	}

	@Test
	void watchdogFollowsTheOverallHealth() {
		runner().run((context) -> {
			WatchdogHealthCheck check = context.getBean(WatchdogHealthCheck.class);
			assertThat(context).hasSingleBean(HealthEndpoint.class);
			assertThat(check).isInstanceOf(ActuatorHealthCheck.class);
			SwitchableHealthConfiguration.status.set(Status.UP);
			assertThat(check.isHealthy()).isTrue();
			SwitchableHealthConfiguration.status.set(Status.DOWN);
			assertThat(check.isHealthy()).isFalse();
			SwitchableHealthConfiguration.status.set(Status.OUT_OF_SERVICE);
			assertThat(check.isHealthy()).isFalse();
			SwitchableHealthConfiguration.status.set(Status.UP);
			assertThat(check.isHealthy()).isTrue();
		});
	}

	@Test
	void emptyPidFileLeavesTheWatchdogHealthCheckOut() {
		runner().withPropertyValues("daemoniker.pid-file=")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(ActuatorHealthCheck.class));
	}

	@Test
	void watchdogCanFollowAHealthGroup() {
		runner()
			.withPropertyValues("management.endpoint.health.group.core.include=ping",
					"daemoniker.systemd.watchdog.health-group=core")
			.run((context) -> {
				WatchdogHealthCheck check = context.getBean(WatchdogHealthCheck.class);
				assertThat(check).hasToString("Actuator health of group 'core'");
				// The switchable indicator is not in the group.
				SwitchableHealthConfiguration.status.set(Status.DOWN);
				assertThat(check.isHealthy()).isTrue();
			});
	}

	@Test
	void unknownHealthGroupFailsTheStart() {
		runner().withPropertyValues("daemoniker.systemd.watchdog.health-group=nosuch")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("daemoniker.systemd.watchdog.health-group")
				.hasMessageContaining("\"nosuch\""));
	}

	@Test
	void userHealthCheckMakesItBackOff() {
		runner().withBean("userCheck", WatchdogHealthCheck.class, () -> () -> false).run((context) -> {
			assertThat(context).hasSingleBean(WatchdogHealthCheck.class);
			assertThat(context).doesNotHaveBean(ActuatorHealthCheck.class);
		});
	}

	@Test
	void withoutActuatorHealthTheLivenessStateDecides() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DaemonikerSystemdAutoConfiguration.class,
					DaemonikerWatchdogHealthAutoConfiguration.class, ApplicationAvailabilityAutoConfiguration.class))
			.withPropertyValues("daemoniker.pid-file=" + this.temp.resolve("app.pid"))
			.withClassLoader(new FilteredClassLoader("org.springframework.boot.health"))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).getBean(WatchdogHealthCheck.class).hasToString("liveness state");
			});
	}

	@Test
	void withoutPidFileNothingIsConfigured() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DaemonikerSystemdAutoConfiguration.class,
					DaemonikerWatchdogHealthAutoConfiguration.class, EndpointAutoConfiguration.class,
					HealthContributorAutoConfiguration.class, HealthContributorRegistryAutoConfiguration.class,
					HealthEndpointAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(WatchdogHealthCheck.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class SwitchableHealthConfiguration {

		static final AtomicReference<Status> status = new AtomicReference<>(Status.UP);

		@Bean
		HealthIndicator switchable() {
			return () -> Health.status(status.get()).build();
		}

	}

}
