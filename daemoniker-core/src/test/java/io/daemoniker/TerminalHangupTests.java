/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.daemoniker.support.Daemons;
import io.daemoniker.support.Daemons.Result;
import io.daemoniker.support.Proc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A daemon started from a terminal survives the end of the terminal's session.
 */
@EnabledOnOs(OS.LINUX)
class TerminalHangupTests {

	@TempDir
	Path directory;

	private Daemons daemons;

	@BeforeEach
	void setUp() {
		this.daemons = new Daemons(this.directory);
	}

	@AfterEach
	void tearDown() {
		this.daemons.close();
	}

	@Test
	void daemonSurvivesTheHangUpOfTheTerminalThatStartedIt() throws Exception {
		Path pidFile = this.directory.resolve("app.pid");
		Path log = this.directory.resolve("app.log");
		Path hangup = this.directory.resolve("hangup.py");
		try (InputStream script = getClass().getResourceAsStream("/hangup.py")) {
			Files.copy(script, hangup);
		}
		String launcher = String.join(" ", Daemons.JAVA, this.daemons.marker(), "-cp", Daemons.CLASSPATH, Daemons.APP,
				pidFile.toString(), log.toString());
		String shell = "echo shell=$$ tty=$(tty); " + launcher + " && echo launched; sleep 600";
		Result terminal = this.daemons.run(List.of("python3", hangup.toString(), "sh", "-c", shell), this.directory);
		assertThat(terminal.stdout()).as(terminal.toString())
			.contains("tty=/dev/pts/")
			.contains("launched")
			.contains("terminal session ended");
		long shellPid = Long.parseLong(terminal.stdout().replaceAll("(?s).*shell=(\\d+).*", "$1"));
		await().atMost(Duration.ofSeconds(30)).until(() -> Proc.isGone(shellPid));
		long daemon = Daemons.pidIn(pidFile);
		Thread.sleep(500);
		assertThat(Proc.isGone(daemon)).as("daemon survived the hang-up").isFalse();
		assertThat(Proc.stat(daemon).ttyNr()).isZero();
		assertThat(Daemoniker.status(pidFile).isRunning()).isTrue();
		Result ps = this.daemons.run(List.of("ps", "-o", "tty=", "-p", Long.toString(daemon)), this.directory);
		assertThat(ps.stdout().trim()).isEqualTo("?");
	}

}
