/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.launch.launcher;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher takes a status line's body as "ready" only when it is {@code ready} and a
 * PID of 1 to 18 digits, which {@link Long#parseLong} always reads.
 */
class ReadyLineTests {

	@ParameterizedTest
	@ValueSource(strings = { "ready 1", "ready 4242", "ready 999999999999999999", "ready 000000000000000001" })
	void aPidOfOneToEighteenDigitsIsReady(String body) {
		assertThat(StartupWatch.isReadyLine(body)).isTrue();
		assertThat(Long.parseLong(body.substring(6))).isPositive();
	}

	@ParameterizedTest
	@ValueSource(strings = { "ready", "ready ", "ready 1234567890123456789", "ready -1", "ready +1", "ready 12a",
			"ready 1 ", "ready  1", "Ready 1", "ready\t1", "ready 1\n", "ready ١٢", "failed 1", "" })
	void anythingElseIsNot(String body) {
		assertThat(StartupWatch.isReadyLine(body)).isFalse();
	}

}
