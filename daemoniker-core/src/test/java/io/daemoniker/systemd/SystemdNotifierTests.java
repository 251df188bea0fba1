/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.systemd;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.daemoniker.DaemonikerException;
import io.daemoniker.support.DatagramReceiver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link SystemdNotifier} and {@link SystemdWatchdog} against real Unix datagram sockets
 * that the test binds, as systemd does.
 */
@EnabledOnOs(OS.LINUX)
class SystemdNotifierTests {

	@TempDir
	Path directory;

	@Test
	void sendsToASocketPath() throws Exception {
		try (DatagramReceiver systemd = DatagramReceiver.atPath(this.directory.resolve("notify"))) {
			SystemdNotifier notifier = SystemdNotifier.from(Map.of("NOTIFY_SOCKET", systemd.address()));
			assertThat(notifier.isEnabled()).isTrue();
			notifier.ready();
			assertThat(systemd.await(10)).isEqualTo("READY=1\n");
			notifier.stopping();
			assertThat(systemd.await(10)).isEqualTo("STOPPING=1\n");
			notifier.watchdog();
			assertThat(systemd.await(10)).isEqualTo("WATCHDOG=1\n");
		}
	}

	@Test
	void sendsToAnAbstractSocket() throws Exception {
		String name = "daemoniker-test-" + UUID.randomUUID();
		try (DatagramReceiver systemd = DatagramReceiver.abstractNamed(name)) {
			SystemdNotifier notifier = SystemdNotifier.from(Map.of("NOTIFY_SOCKET", "@" + name));
			notifier.status("serving\nrequests");
			assertThat(systemd.await(10)).isEqualTo("STATUS=serving requests\n");
			notifier.ready(4242);
			assertThat(systemd.await(10)).isEqualTo("READY=1\nMAINPID=4242\n");
			notifier.mainPid(77);
			assertThat(systemd.await(10)).isEqualTo("MAINPID=77\n");
			notifier.notify("RELOADING=1", "STATUS=reloading");
			assertThat(systemd.await(10)).isEqualTo("RELOADING=1\nSTATUS=reloading\n");
		}
	}

	@Test
	void withoutNotifySocketDoesNothing() {
		SystemdNotifier notifier = SystemdNotifier.from(Map.of("INVOCATION_ID", "abc"));
		assertThat(notifier.isEnabled()).isFalse();
		assertThat(notifier.socket()).isEmpty();
		notifier.ready();
		notifier.stopping();
		assertThat(SystemdNotifier.from(Map.of("NOTIFY_SOCKET", "")).isEnabled()).isFalse();
	}

	@Test
	void reportsASocketThatIsGone() {
		Path missing = this.directory.resolve("gone");
		SystemdNotifier notifier = SystemdNotifier.forSocket(missing.toString());
		assertThatExceptionOfType(DaemonikerException.class).isThrownBy(notifier::ready)
			.withMessageContaining(missing.toString())
			.withMessageContaining("no such file or directory");
	}

	@Test
	void refusesUnsupportedAddresses() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SystemdNotifier.from(Map.of("NOTIFY_SOCKET", "vsock:2:1")))
			.withMessageContaining("NOTIFY_SOCKET=vsock:2:1");
		assertThatIllegalArgumentException().isThrownBy(() -> SystemdNotifier.forSocket("@"));
		assertThatIllegalArgumentException().isThrownBy(() -> SystemdNotifier.forSocket("relative/path"));
	}

	@Test
	void refusesMalformedAssignments() {
		SystemdNotifier notifier = SystemdNotifier.from(Map.of());
		assertThatIllegalArgumentException().isThrownBy(() -> notifier.notify("READY")).withMessageContaining("READY");
		assertThatIllegalArgumentException().isThrownBy(() -> notifier.notify("A=1\nB=2"));
		assertThatIllegalArgumentException().isThrownBy(() -> notifier.mainPid(0));
	}

	@Test
	void refusesTooLongPaths() {
		String longPath = "/" + "x".repeat(120);
		SystemdNotifier notifier = SystemdNotifier.forSocket(longPath);
		assertThatExceptionOfType(DaemonikerException.class).isThrownBy(notifier::ready)
			.withMessageContaining("1 to 107 bytes");
	}

	@Test
	void watchdogSendsKeepAlivesOnlyWhileHealthy() throws Exception {
		String name = "daemoniker-watchdog-" + UUID.randomUUID();
		try (DatagramReceiver systemd = DatagramReceiver.abstractNamed(name)) {
			SystemdNotifier notifier = SystemdNotifier.forSocket("@" + name);
			AtomicBoolean healthy = new AtomicBoolean(true);
			long pid = ProcessHandle.current().pid();
			Map<String, String> environment = Map.of("WATCHDOG_USEC", "200000", "WATCHDOG_PID", Long.toString(pid));
			try (SystemdWatchdog watchdog = SystemdWatchdog.start(notifier, healthy::get, environment, pid)) {
				assertThat(watchdog.isActive()).isTrue();
				assertThat(watchdog.period()).contains(Duration.ofMillis(100));
				assertThat(systemd.await(10)).isEqualTo("WATCHDOG=1\n");
				assertThat(systemd.await(10)).isEqualTo("WATCHDOG=1\n");
				healthy.set(false);
				// Drain a keep-alive that may have been on its way when health changed.
				drainFor(systemd, 3);
				assertThat(systemd.receive()).isEmpty();
				healthy.set(true);
				assertThat(systemd.await(10)).isEqualTo("WATCHDOG=1\n");
			}
		}
	}

	private static void drainFor(DatagramReceiver receiver, int rounds) {
		for (int i = 0; i < rounds; i++) {
			if (receiver.receive().isEmpty()) {
				return;
			}
		}
	}

	@Test
	void watchdogIsForTheProcessThatWatchdogPidNames() {
		Map<String, String> environment = Map.of("WATCHDOG_USEC", "30000000", "WATCHDOG_PID", "12345");
		assertThat(SystemdWatchdog.interval(environment, 12345)).contains(Duration.ofSeconds(30));
		assertThat(SystemdWatchdog.interval(environment, 999)).isEmpty();
		assertThat(SystemdWatchdog.interval(Map.of("WATCHDOG_USEC", "5000000"), 999)).contains(Duration.ofSeconds(5));
		assertThat(SystemdWatchdog.interval(Map.of(), 999)).isEmpty();
		SystemdWatchdog other = SystemdWatchdog.start(SystemdNotifier.forSocket("@unused"), () -> true, environment,
				999);
		assertThat(other.isActive()).isFalse();
		assertThat(other.period()).isEmpty();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SystemdWatchdog.interval(Map.of("WATCHDOG_USEC", "soon"), 1))
			.withMessageContaining("WATCHDOG_USEC=soon");
	}

	@Test
	void aProcessStartedThroughAWrapperTakesItsWatchdogOnlyWhenItWasMeantForTheWrapper() throws Exception {
		Map<String, String> wrapper = Map.of("WATCHDOG_USEC", "30000000", "WATCHDOG_PID", "12345", "SYSTEMD_EXEC_PID",
				"12345");
		assertThat(Supervision.of(wrapper, 999).isStartedThroughAnotherProcess()).isTrue();
		assertThat(Supervision.of(wrapper, 12345).isStartedThroughAnotherProcess()).isFalse();
		assertThat(Supervision.of(Map.of("SYSTEMD_EXEC_PID", "soon"), 999).isStartedThroughAnotherProcess()).isFalse();
		assertThat(Supervision.of(Map.of(), 999).isStartedThroughAnotherProcess()).isFalse();
		try (DatagramReceiver systemd = DatagramReceiver.atPath(this.directory.resolve("wrapper"))) {
			SystemdNotifier notifier = SystemdNotifier.forSocket(systemd.address());
			try (SystemdWatchdog taken = SystemdWatchdog.startAsMainProcess(notifier, () -> true, wrapper, 999)) {
				assertThat(taken.period()).contains(Duration.ofSeconds(15));
			}
			// A watchdog meant for a third process stays that process's.
			Map<String, String> third = Map.of("WATCHDOG_USEC", "30000000", "WATCHDOG_PID", "777", "SYSTEMD_EXEC_PID",
					"12345");
			try (SystemdWatchdog refused = SystemdWatchdog.startAsMainProcess(notifier, () -> true, third, 999)) {
				assertThat(refused.isActive()).isFalse();
			}
		}
	}

	@Test
	void loadsNoNativeCodeWithoutNotifySocket() throws Exception {
		List<String> classes = loadedClasses(null);
		assertThat(classes).anyMatch((line) -> line.contains("io.daemoniker.systemd.SystemdNotifier "));
		assertThat(classes).contains("notifier enabled=false watchdog=false mode=DAEMON");
		assertThat(classes).noneMatch((line) -> line.contains("com.sun.jna"));
	}

	@Test
	void loadsJnaOnlyToSend() throws Exception {
		// The control for the test above: the same check sees JNA when it is used.
		String name = "daemoniker-control-" + UUID.randomUUID();
		try (DatagramReceiver systemd = DatagramReceiver.abstractNamed(name)) {
			List<String> classes = loadedClasses("@" + name);
			assertThat(classes).anyMatch((line) -> line.contains("com.sun.jna.Native "));
			assertThat(systemd.await(10)).isEqualTo("READY=1\n");
		}
	}

	private static List<String> loadedClasses(String notifySocket) throws IOException, InterruptedException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		String classpath = System.getProperty("daemoniker.test.classpath", System.getProperty("java.class.path"));
		ProcessBuilder builder = new ProcessBuilder(java, "-verbose:class", "-cp", classpath,
				NoNativeNotifierFixture.class.getName());
		builder.environment().remove("NOTIFY_SOCKET");
		builder.environment().remove("INVOCATION_ID");
		builder.environment().remove("WATCHDOG_USEC");
		if (notifySocket != null) {
			builder.environment().put("NOTIFY_SOCKET", notifySocket);
		}
		builder.redirectErrorStream(true);
		Process process = builder.start();
		try {
			List<String> lines = new ArrayList<>();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			lines.addAll(output.lines().toList());
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
			return lines;
		}
		finally {
			process.destroyForcibly();
		}
	}

}
