/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.boot.autoconfigure;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher starts the daemon early only when no configuration file can set the
 * starter's properties.
 */
class LaterConfigurationTests {

	@TempDir
	Path directory;

	@TempDir
	Path classes;

	@Test
	void withoutConfigurationFilesThereIsNothingToWaitFor() {
		assertThat(reason(Map.of())).isEmpty();
	}

	@Test
	void filesThatOnlyMentionTheStarterElsewhereDoNotCount() throws IOException {
		Files.writeString(this.directory.resolve("application.properties"),
				"management.endpoints.web.exposure.include=health,daemoniker\n# daemoniker.pid-file=x\n");
		Files.writeString(this.classes.resolve("application.yml"), "management:\n  daemoniker: on\n");
		assertThat(reason(Map.of())).isEmpty();
	}

	@Test
	void aStarterPropertyInAnyDefaultLocationCounts() throws IOException {
		for (String location : new String[] { "", "config/", "config/one/" }) {
			Path file = this.directory.resolve(location + "application.properties");
			Files.createDirectories(file.getParent());
			Files.writeString(file, "Daemoniker.stdout=app.log\n");
			assertThat(reason(Map.of())).as(location)
				.hasValueSatisfying((why) -> assertThat(why).contains(file.toString()));
			Files.delete(file);
		}
		Files.createDirectories(this.classes.resolve("config"));
		Files.writeString(this.classes.resolve("config/application.yaml"), "daemoniker:\n  umask: '077'\n");
		assertThat(reason(Map.of())).hasValueSatisfying((why) -> assertThat(why).contains("application.yaml"));
	}

	@Test
	void profilesAndImportsCount() throws IOException {
		Files.writeString(this.directory.resolve("application.properties"), "spring.profiles.active=prod\n");
		assertThat(reason(Map.of())).isPresent();
		Files.writeString(this.directory.resolve("application.properties"), "spring.config.import=optional:x.yml\n");
		assertThat(reason(Map.of())).isPresent();
		Files.writeString(this.directory.resolve("application.properties"), "server.port=0\n");
		Files.writeString(this.classes.resolve("application.yml"), "spring:\n  config:\n    import: x.yml\n");
		assertThat(reason(Map.of())).isPresent();
	}

	@Test
	void aProfileGivenEarlyHasItsFilesRead() throws IOException {
		Files.writeString(this.classes.resolve("application-prod.properties"), "daemoniker.umask=077\n");
		assertThat(reason(Map.of())).isEmpty();
		assertThat(reason(Map.of("spring.profiles.active", "dev, prod"))).isPresent();
		Files.writeString(this.directory.resolve("application-default.properties"), "daemoniker.umask=077\n");
		assertThat(reason(Map.of())).as("the default profile").isPresent();
	}

	@Test
	void settingsThatMoveTheConfigurationCount() {
		assertThat(reason(Map.of("spring.config.location", "/etc/app/"))).hasValue("spring.config.location is set");
		assertThat(reason(Map.of("spring.config.name", "service"))).isPresent();
		assertThat(reason(Map.of("spring.application.json", "{}"))).isPresent();
	}

	private java.util.Optional<String> reason(Map<String, Object> early) {
		ConfigurableEnvironment environment = StartingEnvironment.of(new String[0]);
		environment.getPropertySources().addFirst(new MapPropertySource("early", early));
		try (URLClassLoader loader = new URLClassLoader(new URL[] { this.classes.toUri().toURL() }, null)) {
			return LaterConfiguration.reasonToWait(environment, this.directory, loader);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
