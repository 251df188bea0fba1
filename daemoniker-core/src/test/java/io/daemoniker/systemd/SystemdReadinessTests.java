/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.systemd;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.daemoniker.support.DatagramReceiver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link SystemdReadiness} against a real Unix datagram socket that the test binds, as
 * systemd does. Datagrams on one socket arrive in the order they were sent, so a status
 * line sent last proves that nothing was sent between it and the one before.
 */
@EnabledOnOs(OS.LINUX)
class SystemdReadinessTests {

	@TempDir
	Path directory;

	@Test
	void sendsStoppingOnceForEveryCallerOfTheSameSocket() throws Exception {
		try (DatagramReceiver systemd = DatagramReceiver.atPath(this.directory.resolve("notify"))) {
			SystemdNotifier core = SystemdNotifier.forSocket(systemd.address());
			SystemdNotifier framework = SystemdNotifier.forSocket(systemd.address());
			assertThat(SystemdReadiness.of(framework)).isSameAs(SystemdReadiness.of(core));
			SystemdReadiness.of(framework).stopping("Stopping app");
			assertThat(systemd.await(10)).isEqualTo("STOPPING=1\nSTATUS=Stopping app\n");
			SystemdReadiness.of(core).stopping(null);
			SystemdReadiness.of(framework).stopping("Stopping app");
			assertThat(SystemdReadiness.of(core).isStopping()).isTrue();
			core.status("end");
			assertThat(systemd.await(10)).as("no second STOPPING=1").isEqualTo("STATUS=end\n");
		}
	}

	@Test
	void sendsReadyOnceAndNeverAfterStopping() throws Exception {
		try (DatagramReceiver systemd = DatagramReceiver.atPath(this.directory.resolve("ready"))) {
			SystemdNotifier notifier = SystemdNotifier.forSocket(systemd.address());
			SystemdReadiness readiness = SystemdReadiness.of(notifier);
			readiness.ready(4242);
			readiness.ready();
			assertThat(systemd.await(10)).isEqualTo("READY=1\nMAINPID=4242\n");
			notifier.status("between");
			assertThat(systemd.await(10)).as("no second READY=1").isEqualTo("STATUS=between\n");
		}
		try (DatagramReceiver systemd = DatagramReceiver.atPath(this.directory.resolve("stopped"))) {
			SystemdNotifier notifier = SystemdNotifier.forSocket(systemd.address());
			SystemdReadiness readiness = SystemdReadiness.of(notifier);
			readiness.stopping(null);
			readiness.ready();
			notifier.status("end");
			assertThat(systemd.await(10)).isEqualTo("STOPPING=1\n");
			assertThat(systemd.await(10)).as("no READY=1 after STOPPING=1").isEqualTo("STATUS=end\n");
		}
	}

	@Test
	void extendsTheStartTimeoutOnlyWhileStarting() throws Exception {
		try (DatagramReceiver systemd = DatagramReceiver.atPath(this.directory.resolve("extend"))) {
			SystemdNotifier notifier = SystemdNotifier.forSocket(systemd.address());
			SystemdReadiness readiness = SystemdReadiness.of(notifier);
			assertThat(readiness.extendStartTimeout(Duration.ofSeconds(30))).isTrue();
			assertThat(systemd.await(10)).isEqualTo("EXTEND_TIMEOUT_USEC=30000000\n");
			assertThatIllegalArgumentException().isThrownBy(() -> readiness.extendStartTimeout(Duration.ofNanos(999)))
				.withMessage("a start timeout extension of PT0.000000999S is too short; "
						+ "use one of a microsecond or more");
			readiness.ready();
			assertThat(systemd.await(10)).isEqualTo("READY=1\n");
			assertThat(readiness.extendStartTimeout(Duration.ofSeconds(30))).as("after READY=1").isFalse();
			notifier.status("end");
			assertThat(systemd.await(10)).isEqualTo("STATUS=end\n");
		}
	}

	@Test
	void putsAFailureOnOneStatusLine() throws Exception {
		try (DatagramReceiver systemd = DatagramReceiver.atPath(this.directory.resolve("failed"))) {
			SystemdReadiness readiness = SystemdReadiness.of(SystemdNotifier.forSocket(systemd.address()));
			readiness.failed("port 8080\nin use");
			assertThat(systemd.await(10)).isEqualTo("STATUS=start-up failed: port 8080 in use\n");
			assertThat(readiness.extendStartTimeout(Duration.ofSeconds(30))).as("after the failure").isFalse();
		}
	}

	@Test
	void sendsNothingWithoutNotifySocket() {
		SystemdReadiness readiness = SystemdReadiness.of(SystemdNotifier.from(Map.of()));
		readiness.ready(1);
		readiness.stopping("Stopping");
		readiness.stopsWithShutdown();
		assertThat(readiness.extendStartTimeout(Duration.ofSeconds(1))).isFalse();
		assertThat(readiness.isStopping()).isFalse();
		assertThat(SystemdReadiness.of(SystemdNotifier.from(Map.of()))).isNotSameAs(readiness);
	}

}
