/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.daemoniker.support.Daemons;
import io.daemoniker.support.Daemons.Result;
import io.daemoniker.support.RealDaemonTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A daemon's own diagnostics go through {@code System.Logger}, so that they reach the
 * application's logging; with none configured, the JDK's default logging writes them,
 * with the stack trace, to the daemon's standard error, its log. A failing handler does
 * not stop the dispatch of the next signal. A daemon that has nothing to log starts no
 * logging back end on its way to "ready", as its class-loading log shows.
 */
@EnabledOnOs(OS.LINUX)
class SignalDiagnosticsTests extends RealDaemonTests {

	@Test
	void aFailingHandlerIsLoggedWithItsStackTraceAndTheNextSignalIsHandled() {
		Result launcher = this.daemons.run(List.of(Daemons.JAVA, this.daemons.marker(), "-Dtest.failingUsr1=true",
				"-cp", Daemons.CLASSPATH, "io.daemoniker.testapp.HandleApp", "app.pid", "app.log"), this.directory);
		assertThat(launcher.exitCode()).as(launcher.toString()).isZero();
		Daemoniker.send(this.pidFile, SIGUSR1.class);
		Daemons.awaitLog(this.log, "the USR1 handler broke on purpose");
		Daemoniker.send(this.pidFile, SIGHUP.class);
		Daemons.awaitLog(this.log, "HUP handled after the failure");
		assertThat(Daemons.read(this.log)).contains("io.daemoniker.internal.signal.SignalDispatcher")
			.contains("SEVERE: the handler of SIGUSR1 failed")
			.contains("java.lang.IllegalStateException: the USR1 handler broke on purpose")
			.contains("\tat io.daemoniker.testapp.HandleApp");
		assertThat(Daemoniker.stop(this.pidFile, Duration.ofSeconds(60))).isTrue();
	}

	@Test
	void aDaemonWithNothingToLogLoadsNoLoggingOnItsWayToReady() {
		Path classes = this.directory.resolve("daemon-classes.log");
		Result launcher = this.daemons.launch(this.pidFile, this.log, "-Dtest.handle=HUP,USR1",
				"-Dtest.jvmOption=-Xlog:class+load=info:file=" + classes);
		assertThat(launcher.exitCode()).as(launcher.toString()).isZero();
		// The signal handling and the reopening of the log on SIGHUP are in place, and
		// each of them would log through a DeferredLogger if anything went wrong.
		assertThat(Daemons.read(classes)).contains("io.daemoniker.internal.launch.daemon.StreamReopening ")
			.contains("io.daemoniker.internal.signal.SignalDispatcher ")
			.contains("io.daemoniker.internal.logging.DeferredLogger ")
			.doesNotContainPattern("java\\.lang\\.System\\$Logger|java\\.util\\.logging\\.|jdk\\.internal\\.logger\\.");
	}

}
