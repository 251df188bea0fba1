/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.examples.systemd;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import io.daemoniker.examples.systemd.NspawnContainer.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every unit of {@code docs/operations.md}, as written, under a real systemd (Debian 12,
 * systemd 252, PID 1 of a container): started, reloaded, signalled from outside, stopped,
 * and made to fail, with what {@code systemctl show}, {@code systemctl status} and the
 * journal then say. Skipped, with a banner in the build's output, where the machine
 * cannot boot the container (not root, no {@code systemd-nspawn}).
 */
@TestInstance(Lifecycle.PER_CLASS)
class SystemdUnitsTests {

	@TempDir
	static Path work;

	private SystemdHost systemd;

	private final Set<String> installed = new HashSet<>();

	@BeforeAll
	void bootContainer() throws Exception {
		this.systemd = SystemdHost.boot(work);
	}

	@AfterAll
	void powerOff() throws Exception {
		if (this.systemd != null) {
			this.systemd.close();
		}
	}

	@AfterEach
	void removeUnits() {
		this.installed.forEach(this.systemd::remove);
		this.installed.clear();
	}

	@Test
	void plainForkingUnit() {
		String unit = install("forking-unit");
		Result start = this.systemd.systemctl("start", unit);
		assertThat(start.exitCode()).as(start + this.systemd.journal(unit)).isZero();
		Map<String, String> running = this.systemd.show(unit);
		assertThat(running).containsEntry("ActiveState", "active")
			.containsEntry("SubState", "running")
			.containsEntry("Result", "success");
		long pid = Long.parseLong(running.get("MainPID"));
		assertThat(this.systemd.container().read("/run/plain-daemon/plain-daemon.pid")).hasValue(pid + "\n");
		assertThat(this.systemd.status(unit).stdout()).contains("active (running)", "Main PID: " + pid + " (java)");

		assertThat(this.systemd.systemctl("reload", unit).exitCode()).isZero();
		this.systemd.awaitFile("/var/log/plain-daemon/app.log", "received SIGHUP");
		assertThat(this.systemd.journal(unit)).contains("sent SIGHUP to pid " + pid);

		// Ended from outside: ExecStop= finds nothing to stop, which is no failure.
		assertThat(this.systemd.container().exec("kill", "-TERM", Long.toString(pid)).exitCode()).isZero();
		Map<String, String> ended = this.systemd.awaitState(unit, "inactive", "dead");
		assertThat(ended).containsEntry("Result", "success").containsEntry("NRestarts", "0");
		assertThat(this.systemd.journal(unit)).contains("not running").doesNotContain("status=3");

		// Killed: Restart=on-failure starts it again.
		assertThat(this.systemd.systemctl("start", unit).exitCode()).isZero();
		long second = this.systemd.mainPid(unit);
		assertThat(this.systemd.container().exec("kill", "-KILL", Long.toString(second)).exitCode()).isZero();
		await().atMost(java.time.Duration.ofMinutes(3))
			.untilAsserted(() -> assertThat(this.systemd.show(unit)).containsEntry("NRestarts", "1")
				.containsEntry("SubState", "running"));
		long third = this.systemd.mainPid(unit);
		assertThat(third).isNotEqualTo(second);
		assertThat(this.systemd.journal(unit)).contains("code=killed, status=9/KILL");

		Result stop = this.systemd.systemctl("stop", unit);
		assertThat(stop.exitCode()).as(stop.toString()).isZero();
		assertThat(this.systemd.show(unit)).containsEntry("ActiveState", "inactive").containsEntry("Result", "success");
		assertThat(this.systemd.journal(unit)).contains("stopped (pid " + third + ")");
		assertThat(this.systemd.container().read("/run/plain-daemon/plain-daemon.pid")).isEmpty();
		assertThat(this.systemd.container().read("/var/log/plain-daemon/app.log"))
			.hasValueSatisfying((log) -> assertThat(log).contains("daemon started pid=" + third, "daemon stopping"));
	}

	@Test
	void plainForkingUnitThatCannotStartStopsAtTheStartLimit() {
		String unit = install("forking-unit");
		// One argument short: the example exits with status 2 at every try. A short pause
		// between the tries, so that the unit's start limit is reached soon.
		this.systemd.dropIn(unit,
				"""
						[Service]
						ExecStart=
						ExecStart=/usr/bin/java -Ddaemoniker.mode=daemon -jar /opt/plain-daemon/plain-daemon.jar /run/plain-daemon/plain-daemon.pid
						RestartSec=100ms
						""");
		assertThat(this.systemd.systemctl("start", unit).exitCode()).isNotZero();
		// systemd 252 keeps the last try's result (exit-code) and says why it gave up.
		this.systemd.awaitJournal(unit, "Start request repeated too quickly");
		Map<String, String> failed = this.systemd.awaitState(unit, "failed", "failed");
		assertThat(failed).containsEntry("NRestarts", "5").containsEntry("Result", "exit-code");
		assertThat(this.systemd.journal(unit)).contains("usage: java -jar plain-daemon.jar",
				"status=2/INVALIDARGUMENT");
		assertThat(this.systemd.status(unit).stdout()).contains("failed (Result: exit-code)");
	}

	@Test
	void plainNotifyUnit() {
		String unit = install("notify-unit");
		this.systemd.addSystemUser("plain-daemon");
		Result start = this.systemd.systemctl("start", unit);
		assertThat(start.exitCode()).as(start + this.systemd.journal(unit)).isZero();
		Map<String, String> running = this.systemd.show(unit);
		assertThat(running).containsEntry("ActiveState", "active").containsEntry("SubState", "running");
		long pid = Long.parseLong(running.get("MainPID"));
		assertThat(this.systemd.user(pid)).isEqualTo("plain-daemon");
		assertThat(this.systemd.container().read("/run/plain-daemon/plain-daemon.pid")).hasValue(pid + "\n");
		assertThat(this.systemd.journal(unit)).contains("daemon started pid=" + pid + " in the foreground");

		assertThat(this.systemd.systemctl("reload", unit).exitCode()).isZero();
		this.systemd.awaitJournal(unit, "received SIGHUP");

		// Killed: restarted, as a new main process.
		assertThat(this.systemd.container().exec("kill", "-KILL", Long.toString(pid)).exitCode()).isZero();
		await().atMost(java.time.Duration.ofMinutes(3))
			.untilAsserted(() -> assertThat(this.systemd.show(unit)).containsEntry("NRestarts", "1")
				.containsEntry("SubState", "running"));
		long second = this.systemd.mainPid(unit);
		assertThat(second).isNotEqualTo(pid);

		Result stop = this.systemd.systemctl("stop", unit);
		assertThat(stop.exitCode()).as(stop.toString()).isZero();
		assertThat(this.systemd.show(unit)).containsEntry("ActiveState", "inactive")
			.containsEntry("SubState", "dead")
			.containsEntry("Result", "success");
		assertThat(this.systemd.journal(unit)).contains("received SIGTERM, exiting", "daemon stopping")
			.doesNotContain("SIGKILL");
	}

	private String install(String snippet) {
		String unit = this.systemd.install(snippet);
		this.installed.add(unit);
		return unit;
	}

}
