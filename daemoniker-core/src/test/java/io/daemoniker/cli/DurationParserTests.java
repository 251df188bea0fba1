/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.cli;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Durations as written on the command line.
 */
class DurationParserTests {

	@Test
	void unitsAndPlainSecondsAndIso() {
		assertThat(DurationParser.parse("500ms")).isEqualTo(Duration.ofMillis(500));
		assertThat(DurationParser.parse("10s")).isEqualTo(Duration.ofSeconds(10));
		assertThat(DurationParser.parse("2m")).isEqualTo(Duration.ofMinutes(2));
		assertThat(DurationParser.parse("1h")).isEqualTo(Duration.ofHours(1));
		assertThat(DurationParser.parse("45")).isEqualTo(Duration.ofSeconds(45));
		assertThat(DurationParser.parse("PT1.5S")).isEqualTo(Duration.ofMillis(1500));
	}

	@Test
	void nonsenseZeroAndNegativeAreRefusedWithTheValue() {
		for (String bad : new String[] { "soon", "0", "-5s", "PT-1S", "10 s", "" }) {
			assertThatExceptionOfType(DaemonikerCli.UsageException.class).as(bad)
				.isThrownBy(() -> DurationParser.parse(bad))
				.withMessageContaining("\"" + bad + "\"");
		}
	}

	@Test
	void leadingZerosOtherDigitsAndBareUnits() {
		assertThat(DurationParser.parse("0010s")).isEqualTo(Duration.ofSeconds(10));
		assertThat(DurationParser.parse(" 3M ")).isEqualTo(Duration.ofMinutes(3));
		assertThat(DurationParser.parse("0000000000000500ms")).isEqualTo(Duration.ofMillis(500));
		for (String bad : new String[] { "ms", "s", "\u0663s", "10sec", "1234567890ms", "99999999999999999999" }) {
			assertThatExceptionOfType(DaemonikerCli.UsageException.class).as(bad)
				.isThrownBy(() -> DurationParser.parse(bad))
				.withMessageContaining("\"" + bad + "\"");
		}
	}

}
