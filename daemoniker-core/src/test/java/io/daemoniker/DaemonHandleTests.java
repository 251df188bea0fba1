/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker;

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

/**
 * {@link Daemoniker#start} and {@link DaemonHandle} on real processes: the launcher gets
 * the result and ends by returning from {@code main}; the daemon's handle names the PID
 * file as an absolute path although it was given relative, confirms start-up only when
 * told, and reports a failed start-up to a launcher that throws it instead of exiting.
 */
@EnabledOnOs(OS.LINUX)
class DaemonHandleTests extends RealDaemonTests {

	private static final String APP = "io.daemoniker.testapp.HandleApp";

	@Test
	void launcherReturnsFromMainAndTheDaemonConfirmsThroughItsHandle() {
		Result launcher = launch();
		assertThat(launcher.exitCode()).as(launcher.toString()).isZero();
		long pid = Daemons.pidIn(this.pidFile);
		assertThat(launcher.stdout()).contains("launcher: started pid=" + pid + " handle=false");
		assertThat(Proc.isGone(launcher.pid())).isTrue();
		// The launcher ended only once the daemon said it was ready, after it had used
		// its handle, so all of this is in the log already.
		assertThat(Daemons.read(this.log)).contains(
				"handle pidFile=" + this.pidFile + " mode=DAEMON pid=" + pid + " same=true args=[payload]", "reopened",
				"ready");
		assertThat(Daemoniker.stop(this.pidFile, Duration.ofSeconds(60))).isTrue();
		assertThat(this.pidFile).doesNotExist();
	}

	@Test
	void aFailureReportedThroughTheHandleIsThrownInTheLauncher() {
		Result launcher = launch("-Dtest.fail=no database at db.example:5432");
		assertThat(launcher.exitCode()).as(launcher.toString()).isEqualTo(3);
		assertThat(launcher.stdout()).contains("launcher: start failed: StartupException: ")
			.contains("no database at db.example:5432");
		assertThat(this.daemons.liveProcesses()).isEmpty();
		assertThat(this.pidFile).doesNotExist();
	}

	@Test
	void inTheForegroundTheHandleHoldsThePidFileAndHasNoLogsToReopen() throws Exception {
		Process process = this.daemons.startChild(APP, List.of("-Dtest.mode=foreground"), "app.pid",
				this.log.toString());
		Daemons.awaitLog(this.log, "ready");
		assertThat(Daemons.read(this.log)).contains("handle pidFile=" + this.pidFile + " mode=FOREGROUND pid="
				+ process.pid() + " same=true args=[payload]", "reopen refused: this process runs in the foreground");
		assertThat(Daemons.pidIn(this.pidFile)).isEqualTo(process.pid());
		Daemoniker.send(this.pidFile, SIGTERM.class);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(this.pidFile).doesNotExist();
	}

	private Result launch(String... properties) {
		List<String> command = new java.util.ArrayList<>(List.of(Daemons.JAVA, this.daemons.marker()));
		command.addAll(List.of(properties));
		command.addAll(List.of("-cp", Daemons.CLASSPATH, APP, "app.pid", "app.log"));
		return this.daemons.run(command, this.directory);
	}

}
