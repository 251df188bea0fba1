/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.examples.spring;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.daemoniker.support.DatagramReceiver;
import io.daemoniker.Daemoniker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the packaged {@code spring-daemon.jar} as systemd runs a {@code Type=notify} unit:
 * with {@code NOTIFY_SOCKET} naming a real Unix datagram socket that the test binds, and
 * with the variables systemd sets ({@code WATCHDOG_USEC}, and {@code WATCHDOG_PID} and
 * {@code SYSTEMD_EXEC_PID} naming the process it started, here set by a shell that then
 * execs the JVM). Checks the notifications that arrive, in order.
 */
@EnabledOnOs(OS.LINUX)
class SystemdNotifyProcessTests {

	// What systemd does between fork and exec, for the process it starts.
	private static final String AS_SYSTEMD = "export WATCHDOG_PID=$$ SYSTEMD_EXEC_PID=$$; exec \"$@\"";

	@TempDir
	Path directory;

	private DatagramReceiver systemd;

	private final List<Process> started = new ArrayList<>();

	private final List<String> extensions = new ArrayList<>();

	private String first;

	private boolean ready;

	@BeforeEach
	void bindSocket() {
		this.systemd = DatagramReceiver
			.abstractNamed("spring-daemon-notify-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
	}

	@AfterEach
	void cleanUp() throws Exception {
		for (Process process : this.started) {
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly();
		}
		this.systemd.close();
	}

	@Test
	void foregroundSendsReadyStatusWatchdogAndStoppingInOrder() throws Exception {
		Path pidFile = this.directory.resolve("app.pid");
		int port = freePort();
		Process application = start(
				List.of("--daemoniker.pid-file=" + pidFile, "--daemoniker.mode=foreground", "--server.port=" + port),
				"2000000");
		long pid = application.pid();
		assertThat(next()).isEqualTo("STATUS=Starting spring-daemon (pid " + pid + ")\n");
		assertThat(next()).isEqualTo("READY=1\n");
		assertThat(this.extensions).as("the start timeout extended from the first bean on")
			.isNotEmpty()
			.containsOnly("EXTEND_TIMEOUT_USEC=30000000\n");
		assertThat(this.first).isEqualTo("EXTEND_TIMEOUT_USEC=30000000\n");
		assertThat(pidFile).hasContent(Long.toString(pid));
		assertThat(next()).isEqualTo("STATUS=Ready: spring-daemon, listening on port " + port + "\n");
		// WATCHDOG_USEC=2s: a keep-alive every second while Actuator's health is UP.
		assertThat(List.of(next(), next(), next())).containsOnly("WATCHDOG=1\n");
		Daemoniker.send(pidFile, "TERM");
		List<String> rest = new ArrayList<>();
		for (String message = next(); !message.startsWith("STOPPING=1"); message = next()) {
			rest.add(message);
		}
		assertThat(rest).as("only keep-alives before STOPPING=1").allMatch("WATCHDOG=1\n"::equals);
		assertThat(application.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(application.exitValue()).isEqualTo(143);
		assertThat(pidFile).doesNotExist();
		// The starter asked the core's readiness to send STOPPING=1 as the context began
		// to close; the JVM's shutdown found it sent and sent nothing more.
		assertThat(drain()).as("nothing after STOPPING=1").isEmpty();
		String console = Files.readString(this.directory.resolve("console.log"));
		assertThat(console).contains("Feeding systemd's watchdog every 1000 ms");
	}

	@Test
	void daemonUnderNotifyUnitNamesItselfAsMainPidAndIsReadyOnce() throws Exception {
		Path pidFile = this.directory.resolve("daemon.pid");
		Path log = this.directory.resolve("daemon.log");
		int port = freePort();
		Process launcher = start(List.of("--daemoniker.pid-file=" + pidFile, "--daemoniker.mode=daemon",
				"--daemoniker.stdout=" + log, "--server.port=" + port), "2000000");
		String starting = next();
		assertThat(launcher.waitFor(120, TimeUnit.SECONDS)).isTrue();
		assertThat(launcher.exitValue()).isZero();
		long daemon = Long.parseLong(Files.readString(pidFile).strip());
		try {
			assertThat(daemon).isNotEqualTo(launcher.pid());
			// The daemon is not the process systemd started: it says so at once, and
			// again with READY=1, before its launcher exits.
			assertThat(starting)
				.isEqualTo("STATUS=Starting spring-daemon (pid " + daemon + ")\nMAINPID=" + daemon + "\n");
			assertThat(next()).isEqualTo("READY=1\nMAINPID=" + daemon + "\n");
			assertThat(next()).isEqualTo("STATUS=Ready: spring-daemon, listening on port " + port + "\n");
			// WATCHDOG_PID names the launcher, which systemd started; MAINPID= has made
			// the daemon the main process, so the daemon feeds the watchdog in its place.
			assertThat(next()).isEqualTo("WATCHDOG=1\n");
			assertThat(Files.readString(log)).contains("Feeding systemd's watchdog every 1000 ms");
			assertThat(Daemoniker.stop(pidFile, Duration.ofSeconds(60))).isTrue();
			List<String> rest = drain();
			int stopping = rest.indexOf("STOPPING=1\nSTATUS=Stopping spring-daemon\n");
			assertThat(stopping).as(rest.toString()).isNotNegative();
			assertThat(rest.subList(0, stopping)).allMatch("WATCHDOG=1\n"::equals);
			assertThat(rest.subList(stopping + 1, rest.size())).as("nothing after STOPPING=1").isEmpty();
		}
		finally {
			ProcessHandle.of(daemon).ifPresent(ProcessHandle::destroyForcibly);
		}
	}

	@Test
	void failedStartIsNeverReadyAndSaysWhy() throws Exception {
		Path pidFile = this.directory.resolve("failed.pid");
		try (ServerSocket taken = new ServerSocket(0)) {
			Process application = start(List.of("--daemoniker.pid-file=" + pidFile, "--daemoniker.mode=foreground",
					"--server.port=" + taken.getLocalPort()), "2000000");
			assertThat(next()).startsWith("STATUS=Starting spring-daemon");
			assertThat(next()).startsWith("STATUS=start-up failed: ")
				.contains("Port " + taken.getLocalPort() + " was already in use");
			assertThat(application.waitFor(60, TimeUnit.SECONDS)).isTrue();
			assertThat(application.exitValue()).isNotZero();
		}
		assertThat(drain()).as("no READY=1, no keep-alive, one STOPPING=1").containsExactly("STOPPING=1\n");
		assertThat(this.extensions).isNotEmpty().containsOnly("EXTEND_TIMEOUT_USEC=30000000\n");
		assertThat(pidFile).doesNotExist();
	}

	private Process start(List<String> arguments, String watchdogUsec) throws IOException {
		List<String> command = new ArrayList<>(List.of("sh", "-c", AS_SYSTEMD, "sh",
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
				System.getProperty("daemoniker.test.jar")));
		command.addAll(arguments);
		ProcessBuilder builder = new ProcessBuilder(command).directory(this.directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(this.directory.resolve("console.log").toFile());
		builder.environment().put("NOTIFY_SOCKET", this.systemd.address());
		builder.environment().put("WATCHDOG_USEC", watchdogUsec);
		builder.environment().remove("INVOCATION_ID");
		Process process = builder.start();
		this.started.add(process);
		return process;
	}

	/**
	 * The next notification other than a start timeout extension, failing when none comes
	 * within two minutes (a JVM and a Spring context start on a busy machine). How many
	 * extensions a start asks for depends on how long it takes, so they are kept aside in
	 * {@link #extensions}; one after {@code READY=1} fails the test.
	 */
	private String next() {
		while (true) {
			String message = this.systemd.await(120);
			if (this.first == null) {
				this.first = message;
			}
			if (!message.startsWith("EXTEND_TIMEOUT_USEC=")) {
				this.ready |= message.startsWith("READY=1");
				return message;
			}
			assertThat(this.ready).as("EXTEND_TIMEOUT_USEC= after READY=1").isFalse();
			this.extensions.add(message);
		}
	}

	/**
	 * What arrives until two seconds pass without a notification.
	 */
	private List<String> drain() {
		List<String> messages = new ArrayList<>();
		int quiet = 0;
		while (quiet < 2) {
			Optional<String> message = this.systemd.receive();
			if (message.isPresent()) {
				messages.add(message.get());
				quiet = 0;
			}
			else {
				quiet++;
			}
		}
		return messages;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
