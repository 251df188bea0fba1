/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.windows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import io.daemoniker.Daemoniker;
import io.daemoniker.DaemonikerException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code Daemoniker.reopenStandardStreams} on Windows: refused with a
 * {@link DaemonikerException} that says what to do instead, before anything is opened.
 */
class ReopenStandardStreamsOnWindowsTests {

	private static final String CLASSPATH = System.getProperty("daemoniker.test.classpath",
			System.getProperty("java.class.path"));

	@TempDir
	Path directory;

	@Test
	@DisabledOnOs(OS.WINDOWS)
	void aJvmThatBelievesItRunsOnWindowsRefusesWithADaemonikerException() throws Exception {
		Path log = this.directory.resolve("out.log");
		Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				CLASSPATH, "io.daemoniker.testapp.PretendWindowsApp", "reopen", log.toString())
			.redirectErrorStream(true)
			.start();
		String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(child.waitFor()).as(output).isZero();
		assertThat(output.strip()).startsWith(
				"refused " + DaemonikerException.class.getName() + ": cannot reopen the standard streams on Windows");
		assertThat(log).doesNotExist();
	}

	@Test
	@EnabledOnOs(OS.WINDOWS)
	void windowsRefusesWithADaemonikerException() {
		Path log = this.directory.resolve("out.log");
		assertThatExceptionOfType(DaemonikerException.class)
			.isThrownBy(() -> Daemoniker.reopenStandardStreams(log, log))
			.withMessageContaining("cannot reopen the standard streams on Windows");
		assertThat(log).doesNotExist();
	}

}
