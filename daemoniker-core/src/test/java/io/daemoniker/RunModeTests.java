/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker;

import java.util.Map;

import io.daemoniker.systemd.Supervision;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link RunMode}, {@link Supervision} and the operations options of
 * {@link DaemonizeOptions}.
 */
class RunModeTests {

	@Test
	void autoChoosesTheForegroundUnderSystemdOrAsPidOne() {
		assertThat(RunMode.AUTO.resolve(Supervision.of(Map.of("NOTIFY_SOCKET", "/run/systemd/notify"), 4711)))
			.isEqualTo(RunMode.FOREGROUND);
		assertThat(RunMode.AUTO.resolve(Supervision.of(Map.of("INVOCATION_ID", "abc"), 4711)))
			.isEqualTo(RunMode.FOREGROUND);
		assertThat(RunMode.AUTO.resolve(Supervision.of(Map.of(), 1))).isEqualTo(RunMode.FOREGROUND);
		assertThat(RunMode.AUTO.resolve(Supervision.of(Map.of(), 4711))).isEqualTo(RunMode.DAEMON);
		assertThat(RunMode.AUTO.resolve(Supervision.of(Map.of("INVOCATION_ID", ""), 4711))).isEqualTo(RunMode.DAEMON);
	}

	@Test
	void explicitModesIgnoreTheSupervisor() {
		Supervision systemd = Supervision.of(Map.of("INVOCATION_ID", "abc"), 1);
		assertThat(RunMode.DAEMON.isForeground(systemd)).isFalse();
		assertThat(RunMode.FOREGROUND.isForeground(Supervision.of(Map.of(), 4711))).isTrue();
	}

	@Test
	void describesTheSupervisor() {
		assertThat(Supervision.of(Map.of("NOTIFY_SOCKET", "@x"), 5).description())
			.isEqualTo("systemd (NOTIFY_SOCKET set)");
		assertThat(Supervision.of(Map.of("NOTIFY_SOCKET", "@x"), 5).expectsNotification()).isTrue();
		assertThat(Supervision.of(Map.of(), 1).description()).isEqualTo("PID 1 (container)");
		assertThat(Supervision.of(Map.of(), 1).isContainerInit()).isTrue();
		assertThat(Supervision.of(Map.of(), 7).description()).isEqualTo("no supervisor");
	}

	@Test
	void parsesModeNames() {
		assertThat(RunMode.parse("Foreground")).isEqualTo(RunMode.FOREGROUND);
		assertThat(RunMode.parse(" auto ")).isEqualTo(RunMode.AUTO);
		assertThatIllegalArgumentException().isThrownBy(() -> RunMode.parse("background"))
			.withMessageContaining("\"background\"")
			.withMessageContaining("daemon, foreground or auto");
	}

	@Test
	void modeDefaultsToTheSystemProperty() {
		String previous = System.getProperty(RunMode.PROPERTY);
		try {
			System.clearProperty(RunMode.PROPERTY);
			assertThat(DaemonizeOptions.defaults().mode()).isEqualTo(RunMode.DAEMON);
			System.setProperty(RunMode.PROPERTY, "foreground");
			assertThat(DaemonizeOptions.defaults().mode()).isEqualTo(RunMode.FOREGROUND);
			assertThat(DaemonizeOptions.builder().mode(RunMode.DAEMON).build().mode()).isEqualTo(RunMode.DAEMON);
			System.setProperty(RunMode.PROPERTY, "sideways");
			assertThatIllegalArgumentException().isThrownBy(() -> DaemonizeOptions.defaults().mode())
				.withMessageContaining("daemoniker.mode");
		}
		finally {
			if (previous != null) {
				System.setProperty(RunMode.PROPERTY, previous);
			}
			else {
				System.clearProperty(RunMode.PROPERTY);
			}
		}
	}

	@Test
	void reopensOnHupByDefault() {
		assertThat(DaemonizeOptions.defaults().reopenStreamsSignal()).hasValue(SIGHUP.SIGNUM);
		assertThat(DaemonizeOptions.builder().reopenStreamsOn("SIGUSR1").build().reopenStreamsSignal())
			.hasValue(SIGUSR1.SIGNUM);
		assertThat(DaemonizeOptions.builder().reopenStreamsOn(null).build().reopenStreamsSignal()).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> DaemonizeOptions.builder().reopenStreamsOn("TERM"))
			.withMessageContaining("\"TERM\"")
			.withMessageContaining("HUP or USR1");
	}

	@Test
	void keepsTheOperationsOptionsThroughToBuilder() {
		DaemonizeOptions options = DaemonizeOptions.builder()
			.mode(RunMode.AUTO)
			.user("app")
			.group("apps")
			.preventCoreDumps(true)
			.reopenStreamsOn("USR1")
			.build()
			.toBuilder()
			.build();
		assertThat(options.mode()).isEqualTo(RunMode.AUTO);
		assertThat(options.user()).isEqualTo("app");
		assertThat(options.group()).isEqualTo("apps");
		assertThat(options.preventCoreDumps()).isTrue();
		assertThat(options.reopenStreamsSignal()).hasValue(SIGUSR1.SIGNUM);
		assertThatIllegalArgumentException().isThrownBy(() -> DaemonizeOptions.builder().user(" "))
			.withMessageContaining("user must not be blank");
	}

}
