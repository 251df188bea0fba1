/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.daemoniker.support.Daemons;
import io.daemoniker.support.Daemons.Result;
import io.daemoniker.support.Proc;
import io.daemoniker.support.RealDaemonTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Real signals, sent with {@link Daemoniker#send} or {@code kill}, to real daemons.
 */
@EnabledOnOs(OS.LINUX)
class SignalTests extends RealDaemonTests {

	@Test
	void customHandlersRunForEverySupportedSignal() {
		long pid = start("-Dtest.handle=INT,TERM,ABRT,HUP,USR1");
		for (String signal : List.of("INT", "TERM", "ABRT", "HUP", "USR1")) {
			Daemoniker.send(this.pidFile, signal);
			Daemons.awaitLog(this.log, "handled SIG" + signal);
		}
		assertThat(Daemons.read(this.log)).contains("thread=SIGHUP handler").doesNotContain("thread=main");
		assertThat(Proc.isGone(pid)).isFalse();
		assertThat(Daemoniker.status(this.pidFile).isRunning()).isTrue();
	}

	@Test
	void ignoredSignalsAreIgnoredByTheKernel() {
		long pid = start("-Dtest.ignore=USR1,HUP", "-Dtest.handle=INT");
		long ignored = Long.parseUnsignedLong(Proc.status(pid, "SigIgn"), 16);
		assertThat(ignored & (1L << (SIGUSR1.SIGNUM - 1))).as("USR1 ignored").isNotZero();
		assertThat(ignored & (1L << (SIGHUP.SIGNUM - 1))).as("HUP ignored").isNotZero();
		Daemoniker.send(this.pidFile, SIGUSR1.class);
		Daemoniker.send(this.pidFile, new SIGHUP());
		// A handled signal sent afterwards proves the ignored ones were delivered first.
		Daemoniker.send(this.pidFile, SIGINT.SIGNUM);
		Daemons.awaitLog(this.log, "handled SIGINT");
		assertThat(Daemons.read(this.log)).doesNotContain("SIGUSR1").doesNotContain("SIGHUP");
		assertThat(Proc.isGone(pid)).isFalse();
	}

	@Test
	void defaultTermEndsTheDaemonInAnOrderlyWay() {
		long pid = start();
		Daemoniker.send(this.pidFile, SIGTERM.class);
		Daemons.awaitGone(pid);
		assertThat(Daemons.read(this.log)).contains("shutdown hook ran");
		assertThat(this.pidFile).doesNotExist();
	}

	@Test
	void defaultTermAndIntExitWithStatus128PlusTheSignal() throws Exception {
		for (String signal : List.of("TERM", "INT")) {
			Path pidFile = this.directory.resolve(signal + ".pid");
			Process foreground = this.daemons.startChild(Daemons.APP, List.of("-Dtest.foreground=true"),
					pidFile.toString(), this.log.toString());
			await().atMost(Duration.ofSeconds(30)).until(() -> Daemoniker.status(pidFile).isRunning());
			Daemons.awaitLog(this.directory.resolve("child-" + (signal.equals("TERM") ? 0 : 1) + ".out"),
					"signals started");
			Daemoniker.send(pidFile, signal);
			assertThat(foreground.waitFor(30, TimeUnit.SECONDS)).isTrue();
			int expected = 128 + ((signal.equals("TERM")) ? SIGTERM.SIGNUM : SIGINT.SIGNUM);
			assertThat(foreground.exitValue()).isEqualTo(expected);
			assertThat(pidFile).doesNotExist();
		}
	}

	@Test
	void mainThreadObservesSignalsAsExceptions() {
		long pid = start("-Dtest.await=true");
		Daemoniker.send(this.pidFile, "SIGHUP");
		Daemons.awaitLog(this.log, "main observed SIGHUP signum=" + SIGHUP.SIGNUM);
		Daemoniker.send(this.pidFile, "usr1");
		Daemons.awaitLog(this.log, "main observed SIGUSR1 signum=" + SIGUSR1.SIGNUM);
		assertThat(Proc.isGone(pid)).isFalse();
		Daemoniker.send(this.pidFile, "TERM");
		Daemons.awaitLog(this.log, "main observed SIGTERM");
		Daemons.awaitGone(pid);
		assertThat(this.pidFile).doesNotExist();
	}

	@Test
	void signalArrivingWhileAHandlerRunsIsNotLost() throws InterruptedException {
		start("-Dtest.handle=HUP,USR1", "-Dtest.handlerMs=400");
		Daemoniker.send(this.pidFile, "HUP");
		Daemons.awaitLog(this.log, "handler start SIGHUP");
		for (String signal : List.of("USR1", "HUP", "USR1")) {
			Daemoniker.send(this.pidFile, signal);
			// Apart enough for the JVM to take each one: the kernel merges pending
			// duplicates.
			Thread.sleep(100);
		}
		await().atMost(Duration.ofSeconds(30))
			.until(() -> count(Daemons.read(this.log), "handled SIGHUP") == 2
					&& count(Daemons.read(this.log), "handled SIGUSR1") == 2);
		String text = Daemons.read(this.log);
		assertThat(text.indexOf("handled SIGHUP")).isLessThan(text.indexOf("handler start SIGUSR1"));
	}

	@Test
	void daemonOfALauncherThatIgnoresHangUpStillHandlesIt() {
		String launcher = String.join(" ", Daemons.JAVA, this.daemons.marker(), "-Dtest.handle=HUP", "-cp",
				Daemons.CLASSPATH, Daemons.APP, this.pidFile.toString(), this.log.toString());
		Result result = this.daemons.run(List.of("sh", "-c", "trap '' HUP; exec " + launcher), this.directory);
		assertThat(result.exitCode()).as(result.toString()).isZero();
		long pid = Daemons.pidIn(this.pidFile);
		Daemons.awaitLog(this.log, "signals started");
		Daemoniker.send(this.pidFile, "HUP");
		Daemons.awaitLog(this.log, "handled SIGHUP");
		assertThat(Proc.isGone(pid)).isFalse();
	}

	@Test
	void handlersCanBeReplacedAndRemovedAfterStart() throws Exception {
		Process process = this.daemons.startChild("io.daemoniker.testapp.HandlerLifecycleApp", List.of(),
				this.pidFile.toString());
		Path out = this.directory.resolve("child-0.out");
		Daemons.awaitLog(out, "ready");
		Daemoniker.send(this.pidFile, "HUP");
		Daemons.awaitLog(out, "handler A");
		Daemoniker.send(this.pidFile, "HUP");
		Daemons.awaitLog(out, "handler B");
		Daemoniker.send(this.pidFile, "HUP");
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).isEqualTo(128 + SIGHUP.SIGNUM);
		assertThat(Files.readString(out)).contains("shutdown hook ran");
		assertThat(this.pidFile).doesNotExist();
	}

	@Test
	void stopRestoresThePreviousHandlersAndIsIdempotent() throws Exception {
		Process process = this.daemons.startChild("io.daemoniker.testapp.HandlerLifecycleApp", List.of(),
				this.pidFile.toString(), "stop");
		Path out = this.directory.resolve("child-0.out");
		Daemons.awaitLog(out, "ready");
		assertThat(Files.readString(out)).contains("stopped");
		Daemoniker.send(this.pidFile, "HUP");
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		// The JVM's own HUP handling: shutdown hooks, then exit 129; no handler of ours
		// ran.
		assertThat(process.exitValue()).isEqualTo(128 + SIGHUP.SIGNUM);
		assertThat(Files.readString(out)).doesNotContain("handler A").contains("shutdown hook ran");
	}

	private long start(String... properties) {
		Result launcher = this.daemons.launch(this.pidFile, this.log, properties);
		assertThat(launcher.exitCode()).as(launcher.toString()).isZero();
		Daemons.awaitLog(this.log, "signals started");
		return Daemons.pidIn(this.pidFile);
	}

	private static int count(String text, String part) {
		int count = 0;
		int index = text.indexOf(part);
		while (index >= 0) {
			count++;
			index = text.indexOf(part, index + 1);
		}
		return count;
	}

}
