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
		// The User= account must exist (another test may have created plain-daemon).
		this.systemd.dropIn(unit, "[Service]\nUser=plain-daemon-nobody-made\nRestart=no\n");
		assertThat(this.systemd.systemctl("start", unit).exitCode()).isNotZero();
		assertThat(this.systemd.show(unit)).containsEntry("ActiveState", "failed")
			.containsEntry("ExecMainStatus", "217");
		assertThat(this.systemd.journal(unit)).contains("status=217/USER");
		this.systemd.systemctl("reset-failed", unit);
		this.systemd.dropIn(unit, "");
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

	@Test
	void plainNotifyUnitWithoutKeepAlivesIsAbortedByTheWatchdogWithoutAThreadDump() {
		String unit = install("notify-unit");
		this.systemd.addSystemUser("plain-daemon");
		// The plain example does not feed the watchdog.
		this.systemd.dropIn(unit, "[Service]\nWatchdogSec=2s\nRestart=no\n");
		assertThat(this.systemd.systemctl("start", unit).exitCode()).isZero();
		long pid = this.systemd.mainPid(unit);
		Map<String, String> failed = this.systemd.awaitState(unit, "failed", "failed");
		assertThat(failed).containsEntry("Result", "watchdog").containsEntry("ExecMainStatus", "134");
		assertThat(this.systemd.journal(unit))
			.contains("Watchdog timeout", "Killing process " + pid + " (java) with signal SIGABRT", "daemon stopping")
			.doesNotContain("Full thread dump");
	}

	@Test
	void plainNotifyUnitWithWatchdogSignalQuitLeavesAThreadDumpInTheJournal() {
		String unit = install("notify-unit");
		this.systemd.addSystemUser("plain-daemon");
		this.systemd.dropIn(unit,
				"[Service]\nWatchdogSec=2s\nWatchdogSignal=SIGQUIT\nTimeoutAbortSec=10s\nRestart=no\n");
		assertThat(this.systemd.systemctl("start", unit).exitCode()).isZero();
		long pid = this.systemd.mainPid(unit);
		Map<String, String> failed = this.systemd.awaitState(unit, "failed", "failed");
		assertThat(failed).containsEntry("Result", "watchdog");
		assertThat(this.systemd.journal(unit)).contains("Killing process " + pid + " (java) with signal SIGQUIT",
				"Full thread dump", "signal SIGKILL");
	}

	@Test
	void springNotifyUnitWithTheWatchdog() {
		String unit = install("spring-notify-unit");
		this.systemd.addSystemUser("spring-daemon");
		// A shorter interval than the unit's 30 s, so that keep-alives come soon.
		this.systemd.dropIn(unit, "[Service]\nWatchdogSec=4s\n");
		Result start = this.systemd.systemctl("start", unit);
		assertThat(start.exitCode()).as(start + this.systemd.journal(unit)).isZero();
		Map<String, String> running = this.systemd.show(unit);
		assertThat(running).containsEntry("ActiveState", "active").containsEntry("SubState", "running");
		long pid = Long.parseLong(running.get("MainPID"));
		assertThat(this.systemd.user(pid)).isEqualTo("spring-daemon");
		assertThat(this.systemd.container().read("/run/spring-daemon/spring-daemon.pid")).hasValue(pid + "\n");
		assertThat(this.systemd.show(unit, "StatusText")).containsEntry("StatusText",
				"Ready: spring-daemon, listening on port 8080");
		assertThat(this.systemd.status(unit).stdout())
			.contains("Status: \"Ready: spring-daemon, listening on port 8080\"");
		awaitKeepAlives(unit);

		assertThat(this.systemd.systemctl("reload", unit).exitCode()).isZero();
		this.systemd.awaitJournal(unit, "reload requested (1)");

		Result stop = this.systemd.systemctl("stop", unit);
		assertThat(stop.exitCode()).as(stop.toString()).isZero();
		assertThat(this.systemd.show(unit)).containsEntry("ActiveState", "inactive")
			.containsEntry("SubState", "dead")
			.containsEntry("Result", "success");
		assertThat(this.systemd.journal(unit)).contains("destroying beans after 1 reloads")
			.doesNotContain("SIGKILL")
			.doesNotContain("Watchdog timeout");
	}

	@Test
	void springNotifyUnitThatCannotStartSaysWhy() {
		String unit = install("spring-notify-unit");
		this.systemd.addSystemUser("spring-daemon");
		// Port 80 is out of reach of an unprivileged user.
		this.systemd.dropIn(unit,
				"""
						[Service]
						ExecStart=
						ExecStart=/usr/bin/java -jar /opt/spring-daemon/spring-daemon.jar --daemoniker.pid-file=/run/spring-daemon/spring-daemon.pid --daemoniker.mode=foreground --server.port=80
						Restart=no
						""");
		assertThat(this.systemd.systemctl("start", unit).exitCode()).isNotZero();
		Map<String, String> failed = this.systemd.awaitState(unit, "failed", "failed");
		assertThat(failed).containsEntry("Result", "exit-code").doesNotContainEntry("ExecMainStatus", "0");
		assertThat(this.systemd.status(unit).stdout()).contains("Status: \"start-up failed: ");
		assertThat(this.systemd.journal(unit)).contains("80");
		assertThat(this.systemd.container().read("/run/spring-daemon/spring-daemon.pid")).isEmpty();
	}

	@Test
	void springNotifyReloadUnitUnderSystemd252RunsAsSimpleAndCannotBeReloaded() {
		// systemd 252 does not know Type=notify-reload: what the guide says it does then.
		String unit = install("spring-notify-reload-unit");
		this.systemd.addSystemUser("spring-daemon");
		// systemd loads the unit file when it is first asked about it, and logs then.
		assertThat(this.systemd.show(unit, "Type")).containsEntry("Type", "simple");
		assertThat(this.systemd.container().exec("journalctl", "--no-pager", "-b").stdout())
			.contains("Failed to parse service type, ignoring: notify-reload");
		Result start = this.systemd.systemctl("start", unit);
		assertThat(start.exitCode()).as(start + this.systemd.journal(unit)).isZero();
		// Type=simple does not wait for READY=1; the application sends it all the same.
		await().atMost(java.time.Duration.ofMinutes(3))
			.untilAsserted(() -> assertThat(this.systemd.show(unit, "StatusText")).containsEntry("StatusText",
					"Ready: spring-daemon, listening on port 8080"));
		Result reload = this.systemd.systemctl("reload", unit);
		assertThat(reload.exitCode()).as(reload.toString()).isNotZero();
		assertThat(reload.stderr()).contains("not applicable");
		Result stop = this.systemd.systemctl("stop", unit);
		assertThat(stop.exitCode()).as(stop.toString()).isZero();
		assertThat(this.systemd.show(unit)).containsEntry("Result", "success");
	}

	@Test
	void springForkingUnit() {
		String unit = install("spring-forking-unit");
		Result start = this.systemd.systemctl("start", unit);
		assertThat(start.exitCode()).as(start + this.systemd.journal(unit)).isZero();
		Map<String, String> running = this.systemd.show(unit);
		assertThat(running).containsEntry("ActiveState", "active").containsEntry("SubState", "running");
		long pid = Long.parseLong(running.get("MainPID"));
		assertThat(this.systemd.container().read("/run/spring-daemon/spring-daemon.pid")).hasValue(pid + "\n");

		assertThat(this.systemd.systemctl("reload", unit).exitCode()).isZero();
		this.systemd.awaitFile("/var/log/spring-daemon/console.log", "reload requested (1)");

		// Stopped from outside: ExecStop= finds nothing to stop, which is no failure.
		assertThat(this.systemd.container().exec("kill", "-TERM", Long.toString(pid)).exitCode()).isZero();
		Map<String, String> ended = this.systemd.awaitState(unit, "inactive", "dead");
		assertThat(ended).containsEntry("Result", "success").containsEntry("NRestarts", "0");
		assertThat(this.systemd.journal(unit)).contains("not running").doesNotContain("status=3");
		this.systemd.awaitFile("/var/log/spring-daemon/console.log", "destroying beans after 1 reloads");

		assertThat(this.systemd.systemctl("start", unit).exitCode()).isZero();
		long second = this.systemd.mainPid(unit);
		Result stop = this.systemd.systemctl("stop", unit);
		assertThat(stop.exitCode()).as(stop.toString()).isZero();
		assertThat(this.systemd.show(unit)).containsEntry("ActiveState", "inactive").containsEntry("Result", "success");
		assertThat(this.systemd.journal(unit)).contains("stopped (pid " + second + ")");
	}

	@Test
	void springWrapperScriptUnitHandsTheWatchdogToTheJvm() {
		String unit = install("spring-wrapper-unit");
		this.systemd.addSystemUser("spring-daemon");
		this.systemd.dropIn(unit, "[Service]\nWatchdogSec=4s\n");
		Result start = this.systemd.systemctl("start", unit);
		assertThat(start.exitCode()).as(start + this.systemd.journal(unit)).isZero();
		long pid = this.systemd.mainPid(unit);
		assertThat(this.systemd.container().exec("ps", "-o", "comm=", "-p", Long.toString(pid)).stdout().strip())
			.isEqualTo("java");
		awaitKeepAlives(unit);
		assertThat(this.systemd.show(unit)).containsEntry("ActiveState", "active").containsEntry("NRestarts", "0");
		assertThat(this.systemd.journal(unit)).doesNotContain("Watchdog timeout", "Not feeding");

		Result stop = this.systemd.systemctl("stop", unit);
		assertThat(stop.exitCode()).as(stop.toString()).isZero();
		assertThat(this.systemd.show(unit)).containsEntry("ActiveState", "inactive").containsEntry("Result", "success");
		assertThat(this.systemd.journal(unit)).contains("destroying beans after 0 reloads").doesNotContain("SIGKILL");
	}

	@Test
	void springNotifyUnitOutlivesTimeoutStartSecWhileItsStartMakesProgressAndNotWhenStuck() {
		this.systemd.addSystemUser("spring-daemon");
		// 32 beans that take two seconds each: a start of more than 64 s, under a
		// TimeoutStartSec= of 45 s (which covers the JVM's start and Spring's until its
		// first beans, on a loaded machine too), asking for 10 s more every third of that
		// in which a bean was initialized. The stuck start's 21st bean never returns.
		String slow = startTimeoutUnit("spring-slow", 32, false, "10s");
		String stuck = startTimeoutUnit("spring-stuck", 20, true, "10s");
		String unextended = startTimeoutUnit("spring-unextended", 32, false, "0");
		Result start = this.systemd.systemctl("start", "--no-block", slow, stuck, unextended);
		assertThat(start.exitCode()).as(start.toString()).isZero();

		this.systemd.awaitState(slow, "active", "running");
		Map<String, String> ready = this.systemd.show(slow, "Result", "StatusText", "ExecMainStartTimestampMonotonic",
				"ActiveEnterTimestampMonotonic");
		assertThat(ready).containsEntry("Result", "success")
			.containsEntry("StatusText", "Ready: spring-daemon, listening on port 8081");
		assertThat(seconds(ready, "ExecMainStartTimestampMonotonic", "ActiveEnterTimestampMonotonic"))
			.as("a start longer than TimeoutStartSec=")
			.isGreaterThan(45);
		assertThat(this.systemd.journal(slow)).doesNotContain("timed out");

		for (String failing : new String[] { stuck, unextended }) {
			this.systemd.awaitState(failing, "failed", "failed");
			Map<String, String> failed = this.systemd.show(failing, "Result", "ActiveEnterTimestampMonotonic",
					"ExecMainStartTimestampMonotonic", "ExecMainExitTimestampMonotonic");
			assertThat(failed).as(this.systemd.journal(failing))
				.containsEntry("Result", "timeout")
				.containsEntry("ActiveEnterTimestampMonotonic", "0");
			assertThat(this.systemd.journal(failing)).contains("start operation timed out. Terminating.");
		}
		// Spring's shutdown waits for a start that is under way, so a start stuck in a
		// bean does not end on SIGTERM: systemd's SIGKILL after TimeoutStopSec= ends it.
		assertThat(this.systemd.journal(stuck)).contains("State 'stop-sigterm' timed out. Killing.");
		// Without the extension the start timed out at TimeoutStartSec=. The stuck start
		// was extended while its first 20 beans came (40 s), then no more: it timed out
		// one extension (10 s) or more after its last progress, so at 50 s or later.
		// The journal's two time stamps are taken a few microseconds apart from systemd's
		// own timer, so a start that times out at 45 s may read as 44.9999 s.
		assertThat(timedOutAfter(unextended)).isGreaterThanOrEqualTo(44.9);
		assertThat(timedOutAfter(stuck)).isGreaterThanOrEqualTo(48.9);

		Result stop = this.systemd.systemctl("stop", slow);
		assertThat(stop.exitCode()).as(stop.toString()).isZero();
		assertThat(this.systemd.show(slow)).containsEntry("Result", "success");
	}

	/**
	 * Installs the guide's Spring notify unit under another name, with a start of slow
	 * beans (an XML bean file that the application loads beside its own classes), a
	 * TimeoutStartSec= of 45 s, and a start timeout extension. The beans are plain ones
	 * that sleep while they are initialized, as a slow {@code @PostConstruct} does, and
	 * not factory beans, which a context may create before its post-processors to learn
	 * what they make.
	 */
	private String startTimeoutUnit(String name, int slowBeans, boolean stuck, String extension) {
		StringBuilder beans = new StringBuilder("""
				<?xml version="1.0" encoding="UTF-8"?>
				<beans xmlns="http://www.springframework.org/schema/beans"
					xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
					xsi:schemaLocation="http://www.springframework.org/schema/beans
						https://www.springframework.org/schema/beans/spring-beans.xsd">
				""");
		for (int i = 0; i <= slowBeans; i++) {
			if (i < slowBeans || stuck) {
				beans.append("<bean id=\"slow")
					.append(i)
					.append("\" class=\"")
					.append("org.springframework.beans.factory.config.MethodInvokingBean\">")
					.append("<property name=\"staticMethod\" value=\"java.lang.Thread.sleep\"/>")
					.append("<property name=\"arguments\"><list><value type=\"long\">")
					.append((i < slowBeans) ? 2000 : 3_600_000)
					.append("</value></list></property></bean>\n");
			}
		}
		beans.append("</beans>\n");
		this.systemd.container().write("/etc/" + name + "/beans.xml", beans.toString());
		int port = 8081 + this.installed.size();
		String unit = this.systemd.installUnit(name + ".service", this.systemd.snippet("spring-notify-unit"));
		this.installed.add(unit);
		this.systemd.dropIn(unit,
				"""
						[Service]
						RuntimeDirectory=
						RuntimeDirectory=%1$s
						ExecStart=
						ExecStart=/usr/bin/java -jar /opt/spring-daemon/spring-daemon.jar --daemoniker.pid-file=/run/%1$s/app.pid --daemoniker.mode=foreground --server.port=%2$d --spring.main.sources=file:/etc/%1$s/beans.xml --daemoniker.systemd.extend-start-timeout=%3$s
						TimeoutStartSec=45s
						TimeoutStopSec=10s
						Restart=no
						"""
					.formatted(name, port, extension));
		return unit;
	}

	/**
	 * How many seconds after its process started systemd said a unit's start timed out,
	 * from the journal's monotonic time stamps, which are on systemd's own clock.
	 */
	private double timedOutAfter(String unit) {
		long started = Long.parseLong(
				this.systemd.show(unit, "ExecMainStartTimestampMonotonic").get("ExecMainStartTimestampMonotonic"));
		String line = this.systemd.container()
			.exec("journalctl", "--no-pager", "-o", "short-monotonic", "-u", unit)
			.stdout()
			.lines()
			.filter((entry) -> entry.contains("start operation timed out"))
			.reduce((first, last) -> last)
			.orElseThrow(() -> new AssertionError(unit + " did not time out:\n" + this.systemd.journal(unit)));
		double at = Double.parseDouble(line.substring(line.indexOf('[') + 1, line.indexOf(']')).strip());
		return at - started / 1e6;
	}

	private static long seconds(Map<String, String> timestamps, String from, String to) {
		return (Long.parseLong(timestamps.get(to)) - Long.parseLong(timestamps.get(from))) / 1_000_000;
	}

	/**
	 * Waits until systemd has received keep-alives at three different times, which it
	 * records as the unit's watchdog timestamp.
	 */
	private void awaitKeepAlives(String unit) {
		Set<String> seen = new HashSet<>();
		await().atMost(java.time.Duration.ofMinutes(2)).untilAsserted(() -> {
			Map<String, String> now = this.systemd.show(unit, "WatchdogTimestampMonotonic", "NRestarts");
			// A restart would set a new timestamp too: only one life of the unit counts.
			assertThat(now).as(this.systemd.journal(unit)).containsEntry("NRestarts", "0");
			seen.add(now.get("WatchdogTimestampMonotonic"));
			assertThat(seen).as(this.systemd.journal(unit)).hasSizeGreaterThanOrEqualTo(3);
		});
	}

	private String install(String snippet) {
		String unit = this.systemd.install(snippet);
		this.installed.add(unit);
		return unit;
	}

}
