/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.platform;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code preventCoreDumps} through the portable bindings, on Linux and macOS alike (on
 * macOS the bindings once failed to load for a Linux-only function).
 */
@EnabledOnOs({ OS.LINUX, OS.MAC })
class ProcessLimitsTests {

	/**
	 * Lowers this test JVM's own core limit, which only keeps it and its later children
	 * from dumping core.
	 */
	@Test
	void coreDumpsArePreventedForThisProcessAndItsChildren() throws Exception {
		ProcessLimits.disableCoreDumps();
		Process shell = new ProcessBuilder("sh", "-c", "ulimit -c; ulimit -H -c").start();
		String limits = new String(shell.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
		assertThat(shell.waitFor()).isZero();
		assertThat(limits.lines()).containsExactly("0", "0");
	}

}
