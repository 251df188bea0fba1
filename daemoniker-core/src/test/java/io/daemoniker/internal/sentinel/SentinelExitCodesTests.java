/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.sentinel;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which signal a sentinel's exit code stands for, with Windows' signal numbers.
 */
class SentinelExitCodesTests {

	/** Windows' numbers of INT, TERM, ABRT, HUP and USR1 ({@code SignalNumbersTests}). */
	private static final int[] WINDOWS = { 2, 15, 22, 1, 10 };

	private final SentinelExitCodes codes = new SentinelExitCodes(2, WINDOWS);

	@Test
	void exitCodeIsTheSignalNumber() {
		for (int signum : WINDOWS) {
			assertThat(this.codes.signalOf(signum)).as("signal %d", signum).hasValue(signum);
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
