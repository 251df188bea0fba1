/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.daemoniker.support.Daemons;
import io.daemoniker.support.Daemons.Result;
import io.daemoniker.support.Proc;
import io.daemoniker.support.RealDaemonTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PID file's life: created and locked by the daemon, removed on orderly exit, refused
 * to a second daemon, reclaimed after a crash, and won by exactly one of several racing
 * launchers.
 */
@EnabledOnOs(OS.LINUX)
class PidFileTests extends RealDaemonTests {

	@Test
	void pidFileIsLockedByTheDaemonAndWorldReadable() throws IOException {
		start();
		long pid = Daemons.pidIn(this.pidFile);
		assertThat(Files.readString(this.pidFile)).isEqualTo(pid + "\n");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(this.pidFile))).isEqualTo("rw-r--r--");
		assertThat(Files.readAllLines(Path.of("/proc/locks")))
			.anyMatch((line) -> line.contains("FLOCK") && line.contains(" WRITE " + pid + " "));
		DaemonStatus status = Daemoniker.status(this.pidFile);
		assertThat(status.state()).isEqualTo(DaemonStatus.State.RUNNING);
		assertThat(status.pid()).hasValue(pid);
	}

	@Test
	void pidFileIsRemovedOnOrderlyExit() {
		start();
		long pid = Daemons.pidIn(this.pidFile);
		Daemons.kill(pid, "TERM");
		Daemons.awaitGone(pid);
		assertThat(this.pidFile).doesNotExist();
		assertThat(Daemons.read(this.log)).contains("shutdown hook ran");
	}

	@Test
	void secondStartFailsFastInTheLauncher() {
		start();
		long pid = Daemons.pidIn(this.pidFile);
		Result second = this.daemons.launch(this.pidFile, this.log);
		assertThat(second.exitCode()).isNotZero();
		assertThat(second.stderr()).contains("already running (pid " + pid + ")").contains(this.pidFile.toString());
		assertThat(this.daemons.liveProcesses()).containsExactly(pid);
		assertThat(Daemons.pidIn(this.pidFile)).isEqualTo(pid);
	}

	@Test
	void startAfterKillDashNineReclaimsTheStalePidFile() {
		start();
		long first = Daemons.pidIn(this.pidFile);
		Daemons.kill(first, "KILL");
		Daemons.awaitGone(first);
		assertThat(this.pidFile).exists();
		assertThat(Daemoniker.status(this.pidFile).state()).isEqualTo(DaemonStatus.State.STALE);
		start();
		long second = Daemons.pidIn(this.pidFile);
		assertThat(second).isNotEqualTo(first);
		assertThat(Daemoniker.status(this.pidFile).pid()).hasValue(second);
	}

	@Test
	void pidFileThatIsASymbolicLinkIsRefused() throws IOException {
		Path target = Files.writeString(this.directory.resolve("target.txt"), "precious\n");
		Files.createSymbolicLink(this.pidFile, target);
		Result launcher = this.daemons.launch(this.pidFile, this.log);
		assertThat(launcher.exitCode()).isNotZero();
		assertThat(launcher.stderr()).contains(this.pidFile.toString()).contains("symbolic link");
		assertThat(Files.readString(target)).isEqualTo("precious\n");
		assertThat(this.daemons.liveProcesses()).isEmpty();
	}

	@Test
	void racingLaunchersStartExactlyOneDaemon() throws Exception {
		int launchers = 6;
		List<CompletableFuture<Result>> results = new ArrayList<>();
		for (int i = 0; i < launchers; i++) {
			results.add(CompletableFuture.supplyAsync(() -> this.daemons.launch(this.pidFile, this.log)));
		}
		List<Result> finished = new ArrayList<>();
		for (CompletableFuture<Result> result : results) {
			finished.add(result.get());
		}
		assertThat(finished).filteredOn((result) -> result.exitCode() == 0).as(finished.toString()).hasSize(1);
		assertThat(finished).filteredOn((result) -> result.exitCode() != 0)
			.allSatisfy((result) -> assertThat(result.stderr()).contains("already running"));
		long pid = Daemons.pidIn(this.pidFile);
		assertThat(this.daemons.liveProcesses()).containsExactly(pid);
		assertThat(Proc.isGone(pid)).isFalse();
	}

	private void start() {
		Result launcher = this.daemons.launch(this.pidFile, this.log);
		assertThat(launcher.exitCode()).as(launcher.toString()).isZero();
	}

}
