/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.boot.actuate;

import java.nio.file.Path;

import io.daemoniker.boot.ManagedDaemon;
import io.daemoniker.boot.actuate.DaemonikerEndpoint.DaemonDescriptor;
import io.daemoniker.boot.autoconfigure.DaemonikerAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link DaemonikerEndpointAutoConfiguration} and {@link DaemonikerEndpoint}.
 */
class DaemonikerEndpointAutoConfigurationTests {

	@TempDir
	Path temp;

	// Without SpringApplication the environment converts enums by their exact names.
	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(DaemonikerAutoConfiguration.class, DaemonikerEndpointAutoConfiguration.class))
			.withPropertyValues("daemoniker.pid-file=" + this.temp.resolve("app.pid"),
					"management.endpoints.web.exposure.include=daemoniker");
	}

	@Test
	void endpointIsOffByDefault() {
		runner().run((context) -> {
			assertThat(context).hasSingleBean(ManagedDaemon.class);
			assertThat(context).doesNotHaveBean(DaemonikerEndpoint.class);
		});
	}

	@Test
	void endpointIsOnWhenAccessIsGranted() {
		runner().withPropertyValues("management.endpoint.daemoniker.access=UNRESTRICTED").run((context) -> {
			assertThat(context).hasSingleBean(DaemonikerEndpoint.class);
			DaemonDescriptor descriptor = context.getBean(DaemonikerEndpoint.class).daemon();
			assertThat(descriptor.pid()).isEqualTo(ProcessHandle.current().pid());
			assertThat(descriptor.pidFile()).isEqualTo(this.temp.resolve("app.pid").toString());
			assertThat(descriptor.signals()).containsOnlyKeys("INT", "TERM");
			assertThat(descriptor.uptime()).startsWith("PT");
		});
	}

	@Test
	void readOnlyAccessIsEnoughToCreateTheEndpoint() {
		runner().withPropertyValues("management.endpoint.daemoniker.access=READ_ONLY")
			.run((context) -> assertThat(context).hasSingleBean(DaemonikerEndpoint.class));
	}

	@Test
	void noEndpointWithoutActuator() {
		runner().withPropertyValues("management.endpoint.daemoniker.access=UNRESTRICTED")
			.withClassLoader(new FilteredClassLoader(Endpoint.class))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).hasSingleBean(ManagedDaemon.class);
				assertThat(context).doesNotHaveBean(DaemonikerEndpoint.class);
			});
	}

	@Test
	void noEndpointWithoutPidFile() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(DaemonikerAutoConfiguration.class, DaemonikerEndpointAutoConfiguration.class))
			.withPropertyValues("management.endpoint.daemoniker.access=UNRESTRICTED",
					"management.endpoints.web.exposure.include=daemoniker")
			.run((context) -> assertThat(context).doesNotHaveBean(DaemonikerEndpoint.class));
	}

	@Test
	void badResourcesAndSignalsAreRejected() {
		runner().withPropertyValues("management.endpoint.daemoniker.access=UNRESTRICTED").run((context) -> {
			DaemonikerEndpoint endpoint = context.getBean(DaemonikerEndpoint.class);
			assertThatExceptionOfType(InvalidEndpointRequestException.class)
				.isThrownBy(() -> endpoint.signal("halt", "HUP"))
				.withMessageContaining("unknown resource \"halt\"");
			assertThatExceptionOfType(InvalidEndpointRequestException.class)
				.isThrownBy(() -> endpoint.signal("signal", "QUIT"))
				.withMessageContaining("SIGQUIT cannot be handled");
			assertThatExceptionOfType(InvalidEndpointRequestException.class)
				.isThrownBy(() -> endpoint.signal("signal", "KILL"))
				.withMessageContaining("SIGKILL cannot be handled");
			assertThatExceptionOfType(InvalidEndpointRequestException.class)
				.isThrownBy(() -> endpoint.signal("send", "HUP"))
				.withMessageContaining("unknown resource \"send\"");
		});
	}

}
