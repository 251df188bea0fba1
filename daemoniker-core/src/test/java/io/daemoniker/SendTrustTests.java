/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;

import io.daemoniker.support.Daemons;
import io.daemoniker.support.Daemons.Result;
import io.daemoniker.support.Proc;
import io.daemoniker.support.RealDaemonTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@code send} refuses, with the reason and before anything is read or signalled, every
 * signal that a JVM daemon cannot take. The daemon handles HUP and USR1 and records each
 * signal it handles; after every refusal it must still run, not be stopped, have written
 * no crash file, and a HUP sent last must be the first signal it saw.
 */
@EnabledOnOs(OS.LINUX)
class SendTrustTests extends RealDaemonTests {

	private long pid;

	@BeforeEach
	void startDaemon() {
		Result launcher = this.daemons.launch(this.pidFile, this.log, "-Dtest.handle=HUP,USR1");
		assertThat(launcher.exitCode()).as(launcher.toString()).isZero();
		Daemons.awaitLog(this.log, "signals started");
		this.pid = Daemons.pidIn(this.pidFile);
	}

	@Test
	void signalsAJvmCannotTakeAreRefusedWithTheReason() throws IOException {
		assertRefused("USR2", "suspend and resume");
		assertRefused("SIGUSR2", "crashes");
		assertRefused("KILL", "without its shutdown hooks");
		assertRefused("STOP", "freezes");
		assertRefused("TSTP", "freezes");
		assertRefused("SEGV", "fault");
		assertRefused("PIPE", "no handler");
		assertRefused("ALRM", "no handler");
		assertRefused("WINCH", "no handler");
		for (int signum : new int[] { 12, 9, 19, 7, 8, 4, 31, 34, 64 }) {
			assertThatIllegalArgumentException().isThrownBy(() -> Daemoniker.send(this.pidFile, signum))
				.withMessageContaining("not sending")
				.withMessageContaining("send one of TERM, INT, HUP, USR1, ABRT, QUIT, CONT");
		}
		for (int signum : new int[] { 0, -1, 65, 1000, Integer.MAX_VALUE, Integer.MIN_VALUE }) {
			assertThatIllegalArgumentException().isThrownBy(() -> Daemoniker.send(this.pidFile, signum))
				.withMessageContaining("out of range");
		}
		assertThatIllegalArgumentException().isThrownBy(() -> Daemoniker.send(this.pidFile, "SIGNOPE"))
			.withMessageContaining("unknown signal")
			.withMessageNotContaining("USR2");
		assertNothingReachedTheDaemon();
	}

	@Test
	void refusalsComeBeforeThePidFileIsRead() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Daemoniker.send(this.directory.resolve("missing.pid"), "USR2"))
			.withMessageContaining("USR2");
	}

	@Test
	void quitPrintsAThreadDumpAndTheSenderIsToldWhere() {
		String sent = Daemoniker.send(this.pidFile, "QUIT");
		assertThat(sent).contains("sent SIGQUIT to pid " + this.pid)
			.contains("thread dump")
			.contains("standard output")
			.contains(this.log.toString());
		Daemons.awaitLog(this.log, "Full thread dump");
		assertThat(Proc.isGone(this.pid)).isFalse();
	}

	@Test
	void theCommandLineRefusesThemTooWithUsageStatus() {
		Result cli = this.daemons.run(List.of(Daemons.JAVA, "-cp", Daemons.CLASSPATH, "io.daemoniker.cli.DaemonikerCli",
				"send", this.pidFile.toString(), "USR2"), this.directory);
		assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(2);
		assertThat(cli.stderr()).contains("not sending SIGUSR2").contains("crashes");
		assertNothingReachedTheDaemon();
	}

	private void assertRefused(String signal, String reason) {
		assertThatIllegalArgumentException().isThrownBy(() -> Daemoniker.send(this.pidFile, signal))
			.withMessageContaining("not sending SIG" + signal.replace("SIG", ""))
			.withMessageContaining(reason);
	}

	private void assertNothingReachedTheDaemon() {
		assertThat(Proc.isGone(this.pid)).as("the daemon still runs").isFalse();
		assertThat(Proc.stat(this.pid).state()).as("not stopped").isNotEqualTo('T');
		assertThat(Daemons.read(this.log)).doesNotContain("handled").doesNotContain("shutdown hook ran");
		try (Stream<java.nio.file.Path> files = Files.list(this.directory)) {
			assertThat(files.map((file) -> file.getFileName().toString()))
				.noneMatch((name) -> name.startsWith("hs_err"));
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		// A handled signal sent last is the first one the daemon saw.
		Daemoniker.send(this.pidFile, "HUP");
		Daemons.awaitLog(this.log, "handled SIGHUP");
		assertThat(Daemons.read(this.log)).doesNotContain("SIGUSR1");
	}

}
