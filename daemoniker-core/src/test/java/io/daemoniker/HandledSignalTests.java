/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker;

import java.util.Arrays;

import io.daemoniker.internal.platform.SignalNumbers;
import io.daemoniker.internal.signal.SendableSignals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The one signal model: the handled set, its numbers as the running JDK has them, its
 * exception types, and why every other signal is refused, both to handle and to send.
 */
class HandledSignalTests {

	@Test
	@DisabledOnOs(OS.WINDOWS)
	void numbersAreTheJdksOnThisOperatingSystem() {
		for (HandledSignal signal : HandledSignal.values()) {
			assertThat(signal.signum()).as(signal.name()).isEqualTo(new sun.misc.Signal(signal.name()).getNumber());
		}
		for (String name : new String[] { "QUIT", "KILL", "USR2", "STOP", "CONT" }) {
			assertThat(SignalNumbers.require(name)).as(name).isEqualTo(new sun.misc.Signal(name).getNumber());
		}
	}

	@Test
	void eachSignalHasItsOwnExceptionTypeAndBack() {
		for (HandledSignal signal : HandledSignal.values()) {
			ReceivedSignal exception = signal.toException();
			assertThat(exception).isExactlyInstanceOf(signal.exceptionType());
			assertThat(exception.signum()).isEqualTo(signal.signum());
			assertThat(exception.getClass().getSimpleName()).isEqualTo(signal.signalName());
			assertThat(HandledSignal.of(signal.signum())).hasValue(signal);
			assertThat(HandledSignal.of(signal.exceptionType())).hasValue(signal);
			assertThat(ReceivedSignal.of(signal.signum())).isExactlyInstanceOf(signal.exceptionType());
			assertThat(ReceivedSignal.signumOf(signal.exceptionType())).isEqualTo(signal.signum());
		}
		assertThat(HandledSignal.of(ReceivedSignal.class)).isEmpty();
		assertThat(HandledSignal.of(SignalNumbers.require("KILL"))).isEmpty();
	}

	@Test
	void theSignalClassesNumbersAreTheModels() {
		assertThat(new int[] { SIGINT.SIGNUM, SIGTERM.SIGNUM, SIGABRT.SIGNUM, SIGHUP.SIGNUM, SIGUSR1.SIGNUM })
			.containsExactly(HandledSignal.INT.signum(), HandledSignal.TERM.signum(), HandledSignal.ABRT.signum(),
					HandledSignal.HUP.signum(), HandledSignal.USR1.signum());
		assertThat(SignalHandler1.supportedSignals())
			.containsExactly(Arrays.stream(HandledSignal.values()).mapToInt(HandledSignal::signum).toArray());
	}

	@Test
	void namesAreTakenInAnyCaseWithOrWithoutThePrefix() {
		assertThat(HandledSignal.named("hup")).isEqualTo(HandledSignal.HUP);
		assertThat(HandledSignal.named(" SIGTERM ")).isEqualTo(HandledSignal.TERM);
		assertThat(HandledSignal.named("SigUsr1")).isEqualTo(HandledSignal.USR1);
	}

	@Test
	void aSignalOutsideTheSetIsRefusedWithWhyAndWhatToUseInstead() {
		assertThatIllegalArgumentException().isThrownBy(() -> HandledSignal.named("QUIT"))
			.withMessage("SIGQUIT cannot be handled (the JVM reserves it for thread dumps); use INT, TERM, ABRT, HUP"
					+ " or USR1");
		assertThatIllegalArgumentException().isThrownBy(() -> HandledSignal.named("sigkill"))
			.withMessage("SIGKILL cannot be handled (no process can catch it); use INT, TERM, ABRT, HUP or USR1");
		assertThatIllegalArgumentException().isThrownBy(() -> HandledSignal.named("RELOAD"))
			.withMessage("\"RELOAD\" is not a signal name; use INT, TERM, ABRT, HUP or USR1");
	}

	@Test
	@DisabledOnOs(OS.WINDOWS)
	void everyHandledSignalIsSentAndSoAreQuitAndCont() {
		assertThat(SendableSignals.names()).containsExactly("TERM", "INT", "HUP", "USR1", "ABRT", "QUIT", "CONT");
		for (HandledSignal signal : HandledSignal.values()) {
			assertThat(SendableSignals.refusal(signal.signum())).as(signal.name()).isEmpty();
		}
		assertThat(SendableSignals.refusal(SignalNumbers.require("USR2"))).hasValueSatisfying(
				(reason) -> assertThat(reason).startsWith("not sending SIGUSR2: the JVM uses SIGUSR2 to suspend"));
	}

}
