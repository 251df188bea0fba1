/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.daemoniker.support.Daemons;
import io.daemoniker.support.Proc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@code send}, {@code status} and {@code stop} never signal a process that does not hold
 * the PID file's lock, whatever the file says. A bystander process stands in for the
 * unrelated process that a stale PID may name after PID reuse; it must survive every
 * refusal.
 */
@EnabledOnOs(OS.LINUX)
class SendRefusalTests {

	@TempDir
	Path directory;

	private Daemons daemons;

	private Path pidFile;

	private Process bystander;

	@BeforeEach
	void setUp() {
		this.daemons = new Daemons(this.directory);
		this.pidFile = this.directory.resolve("app.pid");
		this.bystander = this.daemons.startCommand(List.of("sleep", "600"));
	}

	@AfterEach
	void tearDown() {
		this.daemons.close();
	}

	@Test
	void missingPidFile() {
		assertRefused(DaemonStatus.State.NOT_RUNNING, "no PID file at " + this.pidFile);
	}

	@Test
	void emptyPidFileThatNobodyLocks() throws IOException {
		Files.writeString(this.pidFile, "");
		assertRefused(DaemonStatus.State.STALE, "not locked by any process");
	}

	@Test
	void unlockedPidFileNamingALiveUnrelatedProcess() throws IOException {
		Files.writeString(this.pidFile, this.bystander.pid() + "\n");
		assertRefused(DaemonStatus.State.STALE, "stale PID file (pid " + this.bystander.pid() + ")");
	}

	@Test
	void lockedPidFileNamingAnotherProcess() {
		holdLockWith(this.bystander.pid() + "\n");
		assertRefused(DaemonStatus.State.UNTRUSTED,
				"names pid " + this.bystander.pid() + " but its lock is held by pid");
	}

	@Test
	void lockedPidFileThatIsEmpty() {
		holdLockWith("");
		assertRefused(DaemonStatus.State.UNTRUSTED, "is empty");
	}

	@Test
	void lockedPidFileThatIsGarbled() {
		holdLockWith("12ab\n");
		assertRefused(DaemonStatus.State.UNTRUSTED, "does not hold a PID (\"12ab\")");
	}

	@Test
	void symbolicLinkToAPidFile() throws IOException {
		Path real = Files.writeString(this.directory.resolve("real.pid"), this.bystander.pid() + "\n");
		Files.createSymbolicLink(this.pidFile, real);
		assertRefused(DaemonStatus.State.UNTRUSTED, "symbolic link");
	}

	@Test
	void unknownSignalsAreRefusedBeforeAnythingIsRead() {
		assertThatIllegalArgumentException().isThrownBy(() -> Daemoniker.send(this.pidFile, "NOPE"))
			.withMessageContaining("unknown signal \"NOPE\"");
		assertThatIllegalArgumentException().isThrownBy(() -> Daemoniker.send(this.pidFile, 0))
			.withMessageContaining("out of range");
		assertThatIllegalArgumentException().isThrownBy(() -> Daemoniker.send(this.pidFile, ReceivedSignal.class))
			.withMessageContaining("does not name one signal");
	}

	private void holdLockWith(String content) {
		Process holder = this.daemons.startChild("io.daemoniker.testapp.LockHolderApp", List.of(),
				this.pidFile.toString(), content);
		Daemons.awaitLog(this.directory.resolve("child-1.out"), "locked");
		assertThat(holder.isAlive()).isTrue();
	}

	private void assertRefused(DaemonStatus.State state, String reason) {
		DaemonStatus status = Daemoniker.status(this.pidFile);
		assertThat(status.state()).isEqualTo(state);
		assertThat(status.description()).contains(this.pidFile.toString()).contains(reason);
		assertThatExceptionOfType(PidFileException.class).isThrownBy(() -> Daemoniker.send(this.pidFile, "TERM"))
			.withMessageContaining(reason)
			.withMessageContaining(this.pidFile.toString());
		assertThatExceptionOfType(PidFileException.class)
			.isThrownBy(() -> Daemoniker.stop(this.pidFile, Duration.ofSeconds(1)))
			.withMessageContaining(reason);
		assertThat(Proc.isGone(this.bystander.pid())).as("the bystander was not signalled").isFalse();
	}

}
