/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.pidfile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;

import io.daemoniker.DaemonStatus.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The macOS decision about a PID file under an {@code flock} lock whose holder
 * {@code F_GETLK} does not name, run here on real files: the PID is trusted when its
 * process started before the file was last written, and never when it started later.
 */
class UnnamedFlockHolderTests {

	@TempDir
	Path directory;

	@Test
	void aProcessThatStartedBeforeTheFileWasWrittenIsTrusted() throws Exception {
		long own = ProcessHandle.current().pid();
		Path pidFile = Files.writeString(this.directory.resolve("app.pid"), own + "\n");
		assertThat(UnnamedHolder.inspect(pidFile, Optional.of(own), own + "\n", true).state()).isEqualTo(State.RUNNING);
	}

	@Test
	void aProcessThatStartedAfterTheFileWasWrittenIsNotTrusted() throws Exception {
		long own = ProcessHandle.current().pid();
		Path pidFile = Files.writeString(this.directory.resolve("app.pid"), own + "\n");
		Instant started = ProcessHandle.current().info().startInstant().orElseThrow();
		Files.setLastModifiedTime(pidFile, FileTime.from(started.minusSeconds(60)));
		var status = UnnamedHolder.inspect(pidFile, Optional.of(own), own + "\n", true);
		assertThat(status.state()).isEqualTo(State.UNTRUSTED);
		assertThat(status.description()).contains(pidFile.toString())
			.contains("started after the file was last written");
	}

	@Test
	void windowsStillNeedsTheStartLine() throws Exception {
		long own = ProcessHandle.current().pid();
		Path pidFile = Files.writeString(this.directory.resolve("app.pid"), own + "\n");
		assertThat(UnnamedHolder.inspect(pidFile, Optional.of(own), own + "\n", false).state())
			.isEqualTo(State.UNTRUSTED);
	}

}
