/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker;

import java.nio.file.Path;
import java.util.OptionalLong;

import io.daemoniker.DaemonStatus.State;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * The public constructor of {@link DaemonStatus}, as a careless caller would use it: it
 * takes every status a PID file can be found in and refuses the ones that contradict
 * themselves, each with one line that names the value and what to give instead.
 */
class DaemonStatusTests {

	private static final Path PID_FILE = Path.of("/run/app.pid");

	@Test
	void takesEveryStateAPidFileCanBeFoundIn() {
		assertThat(new DaemonStatus(PID_FILE, State.RUNNING, OptionalLong.of(42), "running (pid 42)").isRunning())
			.isTrue();
		assertThat(new DaemonStatus(PID_FILE, State.STALE, OptionalLong.of(42), "stale").isRunning()).isFalse();
		assertThat(new DaemonStatus(PID_FILE, State.STALE, OptionalLong.empty(), "stale, no PID").pid()).isEmpty();
		assertThat(new DaemonStatus(PID_FILE, State.UNTRUSTED, OptionalLong.empty(), "empty").state())
			.isEqualTo(State.UNTRUSTED);
		assertThat(new DaemonStatus(PID_FILE, State.NOT_RUNNING, OptionalLong.empty(), "not running"))
			.hasToString("not running")
			.isEqualTo(new DaemonStatus(PID_FILE, State.NOT_RUNNING, OptionalLong.empty(), "not running"));
	}

	@Test
	void refusesARunningDaemonWithoutItsPid() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new DaemonStatus(PID_FILE, State.RUNNING, OptionalLong.empty(), "running"))
			.withMessage("a RUNNING status names the PID of the daemon that holds /run/app.pid; give its PID");
	}

	@Test
	void refusesAMissingPidFileThatHoldsAPid() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new DaemonStatus(PID_FILE, State.NOT_RUNNING, OptionalLong.of(42), "not running"))
			.withMessageContaining("no PID file /run/app.pid to hold PID 42")
			.withMessageContaining("the state STALE");
	}

	@Test
	void refusesAPidThatIsNotPositive() {
		for (long pid : new long[] { 0, -1, Long.MIN_VALUE }) {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> new DaemonStatus(PID_FILE, State.STALE, OptionalLong.of(pid), "stale"))
				.withMessage("a PID is positive, not " + pid + "; give OptionalLong.empty() for none");
		}
	}

	@Test
	void refusesABlankDescriptionAndNulls() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new DaemonStatus(PID_FILE, State.STALE, OptionalLong.empty(), " \t"))
			.withMessageContaining("/run/app.pid is blank");
		assertThatNullPointerException()
			.isThrownBy(() -> new DaemonStatus(null, State.STALE, OptionalLong.empty(), "stale"))
			.withMessage("pidFile");
		assertThatNullPointerException()
			.isThrownBy(() -> new DaemonStatus(PID_FILE, null, OptionalLong.empty(), "stale"))
			.withMessage("state");
		assertThatNullPointerException().isThrownBy(() -> new DaemonStatus(PID_FILE, State.STALE, null, "stale"))
			.withMessage("pid");
	}

}
