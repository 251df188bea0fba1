/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.platform;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When a process started, as {@link Processes#startInstant} reads it from {@code /proc}:
 * the same second as the JDK's own reading, for this JVM and for a real child, and
 * nothing for a process that is gone.
 */
@EnabledOnOs(OS.LINUX)
class ProcessStartTests {

	@Test
	void agreesWithTheJdkToTheSecond() throws Exception {
		assertThat(Processes.startInstant(ProcessHandle.current().pid())).hasValue(jdkStart(ProcessHandle.current()));
		Process child = new ProcessBuilder("sleep", "60").start();
		try {
			assertThat(Processes.startInstant(child.pid())).hasValue(jdkStart(child.toHandle()));
		}
		finally {
			child.destroyForcibly();
			child.waitFor();
		}
		assertThat(Processes.startInstant(child.pid())).isEmpty();
	}

	@Test
	void aPidThatNoProcessHasHasNoStart() {
		assertThat(Processes.startInstant(Integer.MAX_VALUE)).isEmpty();
	}

	private static Instant jdkStart(ProcessHandle process) {
		return process.info().startInstant().orElseThrow().truncatedTo(ChronoUnit.SECONDS);
	}

}
