/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.examples.spring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarFile;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code docs/spring-boot.md} tells application authors about native access: the jar
 * plugin configuration it shows is this example's, and Spring Boot's {@code repackage}
 * keeps the manifest entry in the executable jar that {@code java -jar} starts.
 */
class NativeAccessManifestTests {

	private static final Path ROOT = Path.of(System.getProperty("daemoniker.repository.root", "../.."));

	@Test
	void theRepackagedJarEnablesNativeAccess() throws IOException {
		try (JarFile jar = new JarFile(System.getProperty("daemoniker.test.jar"))) {
			Attributes manifest = jar.getManifest().getMainAttributes();
			assertThat(manifest.getValue("Main-Class")).isEqualTo("org.springframework.boot.loader.launch.JarLauncher");
			assertThat(manifest.getValue("Enable-Native-Access")).isEqualTo("ALL-UNNAMED");
		}
	}

	@Test
	void theGuideShowsThisExamplesConfiguration() throws IOException {
		String guide = Files.readString(ROOT.resolve("docs/spring-boot.md"));
		String pom = Files.readString(ROOT.resolve("examples/spring-daemon/pom.xml"));
		String entry = "<Enable-Native-Access>ALL-UNNAMED</Enable-Native-Access>";
		assertThat(guide).contains(entry);
		assertThat(pom).contains("<artifactId>maven-jar-plugin</artifactId>", entry);
	}

}
