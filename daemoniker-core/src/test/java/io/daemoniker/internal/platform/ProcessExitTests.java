/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.platform;

import java.time.Duration;
import java.util.List;
import java.util.function.LongFunction;

import io.daemoniker.support.Daemons;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ProcessExit} tells when a real process has ended, through a process descriptor
 * and through the start time that other systems fall back to.
 */
@EnabledOnOs(OS.LINUX)
class ProcessExitTests {

	@TempDir
	java.nio.file.Path directory;

	private Daemons daemons;

	@AfterEach
	void tearDown() {
		if (this.daemons != null) {
			this.daemons.close();
		}
	}

	@Test
	void aProcessDescriptorTellsWhenTheProcessEnds() {
		assertEndIsSeen(ProcessExit::pin);
	}

	@Test
	void theStartTimeTellsWhenTheProcessEnds() {
		assertEndIsSeen(ProcessExit::pinByStartTime);
	}

	@Test
	void aProcessThatIsAlreadyGoneIsGone() {
		this.daemons = new Daemons(this.directory);
		Process child = this.daemons.startCommand(List.of("true"));
		Daemons.awaitGone(child.pid());
		try (ProcessExit exit = ProcessExit.pin(child.pid())) {
			assertThat(exit.isGone()).isTrue();
		}
		try (ProcessExit exit = ProcessExit.pinByStartTime(child.pid())) {
			assertThat(exit.isGone()).isTrue();
		}
	}

	private void assertEndIsSeen(LongFunction<ProcessExit> pin) {
		this.daemons = new Daemons(this.directory);
		Process child = this.daemons.startCommand(List.of("sleep", "600"));
		try (ProcessExit exit = pin.apply(child.pid())) {
			assertThat(exit.isGone()).isFalse();
			assertThat(exit.awaitGone(Duration.ofMillis(50))).as("still running").isFalse();
			child.destroy();
			assertThat(exit.awaitGone(Duration.ofSeconds(60))).isTrue();
			assertThat(exit.isGone()).isTrue();
		}
	}

}
