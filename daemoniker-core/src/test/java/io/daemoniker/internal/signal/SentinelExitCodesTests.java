/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.signal;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which signal a sentinel's exit code stands for, with Windows' signal numbers.
 */
class SentinelExitCodesTests {

	private static final Map<String, Integer> WINDOWS = SignalNumbers.table("windows server 2022");

	private final SentinelExitCodes codes = new SentinelExitCodes(WINDOWS.get("INT"), WINDOWS.get("TERM"),
			WINDOWS.get("ABRT"), WINDOWS.get("HUP"), WINDOWS.get("USR1"));

	@Test
	void windowsTableHasTheNumbersSendUses() {
		assertThat(WINDOWS).containsEntry("INT", 2)
			.containsEntry("TERM", 15)
			.containsEntry("ABRT", 22)
			.containsEntry("HUP", 1)
			.containsEntry("USR1", 10);
	}

	@Test
	void exitCodeIsTheSignalNumber() {
		for (String name : new String[] { "INT", "TERM", "ABRT", "HUP", "USR1" }) {
			int signum = WINDOWS.get(name);
			assertThat(SentinelExitCodes.exitCodeOf(signum)).isEqualTo(signum);
			assertThat(this.codes.signalOf(SentinelExitCodes.exitCodeOf(signum))).as(name).hasValue(signum);
		}
	}

	@Test
	void ctrlCAndCtrlBreakStandForSigint() {
		assertThat(SentinelExitCodes.STATUS_CONTROL_C_EXIT).isEqualTo(0xC000013A);
		assertThat(this.codes.signalOf(SentinelExitCodes.STATUS_CONTROL_C_EXIT)).hasValue(2);
	}

	@Test
	void unixDeathBySignalStandsForThatSignal() {
		assertThat(this.codes.signalOf(128 + 15)).hasValue(15);
		assertThat(this.codes.signalOf(128 + 2)).hasValue(2);
	}

	@Test
	void otherCodesStandForNoSignal() {
		assertThat(this.codes.signalOf(0)).isEmpty();
		assertThat(this.codes.signalOf(3)).isEmpty();
		assertThat(this.codes.signalOf(9)).isEmpty();
		assertThat(this.codes.signalOf(128)).isEmpty();
		assertThat(this.codes.signalOf(128 + 3)).isEmpty();
		assertThat(this.codes.signalOf(-1)).isEmpty();
		assertThat(this.codes.signalOf(-15)).isEmpty();
	}

}
