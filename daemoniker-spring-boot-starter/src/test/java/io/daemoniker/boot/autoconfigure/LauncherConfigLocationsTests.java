/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.boot.autoconfigure;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration locations a daemon in another directory is given, so that it loads
 * the files its launcher loaded.
 */
@DisabledOnOs(OS.WINDOWS)
class LauncherConfigLocationsTests {

	@Test
	void defaultLocationsAreSpringBootsWithTheFileOnesInTheLaunchersDirectory() {
		assertThat(LauncherConfigLocations.rewrite(Map.<String, String>of()::get, "/srv/app"))
			.containsExactly(Map.entry("spring.config.location", "optional:classpath:/;optional:classpath:/config/,"
					+ "optional:file:/srv/app/;optional:file:/srv/app/config/;optional:file:/srv/app/config/*/"));
	}

	@Test
	void relativeLocationsOfTheUserAreResolvedAndTheRestKept() {
		Map<String, String> properties = Map.of("spring.config.location",
				"conf/app.yml,optional:file:extra/;classpath:/base.properties", "spring.config.additional-location",
				"file:/etc/app/,../shared/", "spring.config.import",
				"optional:configtree:secrets/,optional:file:./local.properties");
		assertThat(LauncherConfigLocations.rewrite(properties::get, "/srv/app")).containsExactly(
				Map.entry("spring.config.location",
						"file:/srv/app/conf/app.yml,optional:file:/srv/app/extra/;classpath:/base.properties"),
				Map.entry("spring.config.additional-location", "file:/etc/app/,file:/srv/shared/"),
				Map.entry("spring.config.import",
						"optional:configtree:/srv/app/secrets/,optional:file:/srv/app/local.properties"));
	}

}
