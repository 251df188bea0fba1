/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.platform;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signal numbers: the running JDK's where it knows the signal, and the reference table of
 * each operating system, which must agree with the JDK and which supplies what the JDK
 * does not know (on Windows, the numbers that sentinels carry).
 */
class SignalNumbersTests {

	@Test
	@DisabledOnOs(OS.WINDOWS)
	void theReferenceTableOfThisOperatingSystemAgreesWithTheJdk() {
		Map<String, Integer> reference = SignalNumbers.table(SignalNumbers.osName());
		reference.forEach((name, number) -> SignalNumbers.jdkNumber(name)
			.ifPresent((jdk) -> assertThat(jdk).as("SIG%s", name).isEqualTo(number)));
		assertThat(SignalNumbers.all()).isEqualTo(reference);
	}

	@Test
	void windowsTableHasTheNumbersSendUses() {
		assertThat(SignalNumbers.table("windows server 2022")).containsEntry("INT", 2)
			.containsEntry("TERM", 15)
			.containsEntry("ABRT", 22)
			.containsEntry("HUP", 1)
			.containsEntry("USR1", 10)
			.containsEntry("KILL", 9);
	}

	@Test
	void macOsAndTheBsdsNumberTheirSignalsTheirOwnWay() {
		assertThat(SignalNumbers.table("mac os x")).containsEntry("USR1", 30)
			.containsEntry("USR2", 31)
			.containsEntry("STOP", 17)
			.containsEntry("CONT", 19);
		assertThat(SignalNumbers.table("linux")).containsEntry("USR1", 10).containsEntry("STOP", 19);
	}

	@Test
	void namesAreTakenInAnyCaseWithOrWithoutThePrefixAndUnknownNumbersAsText() {
		assertThat(SignalNumbers.number(" sigterm ")).hasValue(SignalNumbers.require("TERM"));
		assertThat(SignalNumbers.number("RELOAD")).isEmpty();
		assertThat(SignalNumbers.name(SignalNumbers.require("HUP"))).isEqualTo("HUP");
		assertThat(SignalNumbers.name(63)).isEqualTo("63");
	}

}
