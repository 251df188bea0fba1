/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.boot.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.daemoniker.RunMode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A daemon started before the configuration was read finds every launcher property that a
 * later source changed, and only those.
 */
class LaunchSettingsTests {

	@Test
	void equalPropertiesAgree() {
		assertThat(LaunchSettings.differences(properties(), properties())).isEmpty();
	}

	@Test
	void everyPropertyTheLauncherActsOnIsCompared() {
		DaemonikerProperties later = properties();
		later.setStdout(Path.of("other.log"));
		later.setStartupTimeout(Duration.ofMinutes(5));
		later.setJvmOptions(List.of("-Xmx1g"));
		later.setMode(RunMode.FOREGROUND);
		later.getStartupCache().setEnabled(true);
		assertThat(LaunchSettings.differences(properties(), later)).containsExactly("daemoniker.mode",
				"daemoniker.stdout", "daemoniker.startup-timeout", "daemoniker.jvm-options",
				"daemoniker.startup-cache.enabled");
	}

	@Test
	void propertiesOnlyTheDaemonReadsMayComeLater() {
		DaemonikerProperties later = properties();
		later.setShutdownSignals(List.of("TERM"));
		later.setKeepAlive(false);
		later.getSystemd().getWatchdog().setEnabled(false);
		assertThat(LaunchSettings.differences(properties(), later)).isEmpty();
	}

	private static DaemonikerProperties properties() {
		DaemonikerProperties properties = new DaemonikerProperties();
		properties.setPidFile(Path.of("app.pid"));
		return properties;
	}

}
