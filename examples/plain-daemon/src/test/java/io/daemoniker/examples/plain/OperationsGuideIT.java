/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.examples.plain;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs {@code docs/ops/check-operations-guide.sh plain}, which checks every snippet of
 * the operations guide for the plain daemon (systemd units, logrotate, container entry
 * point) against this example's packaged jar; the Spring Boot example checks its own. An
 * integration test: it needs the jar that the package phase builds.
 */
@EnabledOnOs(OS.LINUX)
class OperationsGuideIT {

	@Test
	void everySnippetOfTheOperationsGuideWorks() throws Exception {
		Path root = Path.of(System.getProperty("daemoniker.repository.root", "../..")).toAbsolutePath().normalize();
		Path script = root.resolve("docs/ops/check-operations-guide.sh");
		assertThat(script).exists();
		ProcessBuilder builder = new ProcessBuilder("bash", script.toString(), "plain").directory(root.toFile())
			.redirectErrorStream(true);
		builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
		Process process = builder.start();
		try {
			process.getOutputStream().close();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
			System.out.println(output);
			Files.writeString(Path.of("target", "operations-guide-check.txt"), output);
			assertThat(process.exitValue()).as(output).isZero();
			assertThat(output).contains("PASS forking-unit").doesNotContain("FAIL");
		}
		finally {
			// The script's own clean-up does not run when it is killed.
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly();
		}
	}

}
