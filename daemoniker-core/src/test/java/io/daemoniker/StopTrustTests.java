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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.daemoniker.support.Daemons;
import io.daemoniker.support.Daemons.Result;
import io.daemoniker.support.Proc;
import io.daemoniker.support.RealDaemonTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * {@code stop} means stopped: it returns once the daemon's process is gone, and while an
 * old daemon still runs its shutdown hooks no new daemon can start on its PID file. The
 * daemon's slow shutdown hook waits for a latch file that the test creates, so that the
 * order of events is the test's, not the machine's speed.
 */
@EnabledOnOs(OS.LINUX)
class StopTrustTests extends RealDaemonTests {

	@Test
	void noSecondDaemonStartsWhileTheFirstRunsASlowShutdownHook() throws Exception {
		Path latch = this.directory.resolve("release-hook");
		long first = start("-Dtest.hookLatch=" + latch);
		DaemonCounter counter = new DaemonCounter();
		counter.start();
		CompletableFuture<Boolean> stop = CompletableFuture
			.supplyAsync(() -> Daemoniker.stop(this.pidFile, Duration.ofSeconds(120)));
		Daemons.awaitLog(this.log, "slow hook waiting");
		assertThat(Daemoniker.status(this.pidFile).state()).as("the lock is held while hooks run")
			.isEqualTo(DaemonStatus.State.RUNNING);
		assertThat(this.pidFile).exists();

		Result second = this.daemons.launch(this.pidFile, this.directory.resolve("second.log"));
		assertThat(second.exitCode()).as(second.toString()).isNotZero();
		assertThat(second.stderr()).contains("already running").contains(Long.toString(first));
		assertThat(Proc.isGone(first)).as("the first daemon still runs its hook").isFalse();
		assertThat(stop).as("stop waits for the process, not for the lock").isNotDone();
		assertThat(this.daemons.liveProcesses()).containsExactly(first);

		Files.createFile(latch);
		assertThat(stop.get(120, TimeUnit.SECONDS)).isTrue();
		assertThat(Proc.isGone(first)).as("gone when stop returned").isTrue();
		assertThat(Daemons.read(this.log)).contains("slow hook released").contains("shutdown hook ran");
		assertThat(this.pidFile).as("removed as the daemon's last act").doesNotExist();

		Result third = this.daemons.launch(this.pidFile, this.directory.resolve("third.log"));
		assertThat(third.exitCode()).as(third.toString()).isZero();
		long replacement = Daemons.pidIn(this.pidFile);
		assertThat(this.daemons.liveProcesses()).containsExactly(replacement);
		counter.interrupt();
		counter.join();
		assertThat(counter.samples).as("samples of /proc taken").isPositive();
		assertThat(counter.most).as("daemons alive at once, in any sample of /proc: " + counter.seen).isEqualTo(1);
	}

	/**
	 * Counts, over and over until interrupted, the daemon JVMs of this test that are
	 * alive, and keeps the largest count seen.
	 */
	private final class DaemonCounter extends Thread {

		private volatile int most;

		private volatile int samples;

		private volatile String seen = "";

		@Override
		public void run() {
			while (!isInterrupted()) {
				List<Long> jvms = StopTrustTests.this.daemons.liveProcesses()
					.stream()
					.filter(StopTrustTests::isDaemonJvm)
					.toList();
				// A child that a daemon JVM is spawning shares its command line until it
				// runs its own program: it is not a second daemon.
				List<Long> live = jvms.stream().filter((pid) -> !jvms.contains(parentOf(pid))).toList();
				if (live.size() > this.most) {
					this.seen = live.toString();
					for (long pid : live) {
						try {
							this.seen += "\n" + Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
						}
						catch (IOException ex) {
							this.seen += "\n" + pid + " gone";
						}
					}
				}
				this.most = Math.max(this.most, live.size());
				this.samples++;
			}
		}

	}

	private static long parentOf(long pid) {
		try {
			return Proc.stat(pid).ppid();
		}
		catch (RuntimeException ex) {
			return -1;
		}
	}

	/**
	 * Whether a process is a daemon JVM: a Java executable with the daemon's marker, not
	 * the intermediate shell whose arguments hold the same command line.
	 */
	private static boolean isDaemonJvm(long pid) {
		try {
			String[] arguments = new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
					java.nio.charset.StandardCharsets.UTF_8)
				.split("\0");
			return arguments[0].endsWith("/java")
					&& List.of(arguments).stream().anyMatch((argument) -> argument.startsWith("-Ddaemoniker.daemon="));
		}
		catch (IOException ex) {
			return false;
		}
	}

	@Test
	void stopThatTimesOutWhileAHookRunsSaysSoAndTheDaemonStillOwnsItsPidFile() throws IOException {
		Path latch = this.directory.resolve("release-hook");
		long pid = start("-Dtest.hookLatch=" + latch);
		assertThat(Daemoniker.stop(this.pidFile, Duration.ofMillis(300))).isFalse();
		Daemons.awaitLog(this.log, "slow hook waiting");
		assertThat(Proc.isGone(pid)).isFalse();
		assertThat(Daemoniker.status(this.pidFile).pid()).hasValue(pid);
		Files.createFile(latch);
		Daemons.awaitGone(pid);
		assertThat(this.pidFile).doesNotExist();
	}

	@Test
	void aDaemonThatIgnoresTermIsReportedStillRunningAndLeftAlone() {
		long pid = start("-Dtest.ignore=TERM");
		assertThat(Daemoniker.stop(this.pidFile, Duration.ofMillis(500))).isFalse();
		assertThat(Proc.isGone(pid)).isFalse();
		assertThat(Daemoniker.status(this.pidFile).pid()).hasValue(pid);
	}

	@Test
	void twoConcurrentStopsBothReturnOnceTheDaemonIsGone() throws Exception {
		Path latch = this.directory.resolve("release-hook");
		long pid = start("-Dtest.hookLatch=" + latch);
		CompletableFuture<Boolean> first = CompletableFuture
			.supplyAsync(() -> Daemoniker.stop(this.pidFile, Duration.ofSeconds(120)));
		Daemons.awaitLog(this.log, "slow hook waiting");
		// The second may look only as the daemon goes, or once it is gone: then it is
		// told that nothing runs (a status read in the moment the file goes may still
		// find it, unlocked).
		CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> {
			try {
				return Daemoniker.stop(this.pidFile, Duration.ofSeconds(120)) ? "stopped" : "still running";
			}
			catch (PidFileException ex) {
				return ex.getMessage();
			}
		});
		Files.createFile(latch);
		assertThat(first.get(120, TimeUnit.SECONDS)).isTrue();
		assertThat(second.get(120, TimeUnit.SECONDS)).matches("stopped|.*(no PID file|not locked by any process).*");
		assertThat(this.pidFile).doesNotExist();
		assertThat(Proc.isGone(pid)).isTrue();
	}

	@Test
	void stopValidatesEveryArgumentBeforeSendingAnything() {
		long pid = start();
		assertThatNullPointerException().isThrownBy(() -> Daemoniker.stop(this.pidFile, null))
			.withMessageContaining("timeout");
		assertThatNullPointerException().isThrownBy(() -> Daemoniker.stop(null, Duration.ofSeconds(1)))
			.withMessageContaining("pidFile");
		assertThatIllegalArgumentException().isThrownBy(() -> Daemoniker.stop(this.pidFile, Duration.ofSeconds(-1)))
			.withMessageContaining("negative");
		assertThatNullPointerException().isThrownBy(() -> Daemoniker.send(this.pidFile, (String) null));
		assertThatNullPointerException().isThrownBy(() -> Daemoniker.send(null, "HUP"));
		assertThatNullPointerException().isThrownBy(() -> Daemoniker.status(null));
		assertThat(Proc.isGone(pid)).isFalse();
		assertThat(Daemons.read(this.log)).as("no signal reached the daemon").doesNotContain("shutdown hook ran");
		assertThat(Daemoniker.stop(this.pidFile, Duration.ofSeconds(60))).isTrue();
		assertThat(Proc.isGone(pid)).isTrue();
	}

	@Test
	void stopWithAnEnormousTimeoutStillReturnsOnceTheDaemonIsGone() {
		long pid = start();
		assertThat(Daemoniker.stop(this.pidFile, Duration.ofSeconds(Long.MAX_VALUE))).isTrue();
		assertThat(Proc.isGone(pid)).isTrue();
		assertThat(this.pidFile).doesNotExist();
	}

	@Test
	void stopOfADaemonKilledWithKill9IsRefusedAndTheNextStartReclaimsTheFile() {
		long pid = start();
		Daemons.kill(pid, "KILL");
		Daemons.awaitGone(pid);
		assertThat(this.pidFile).as("kill -9 leaves the PID file").exists();
		assertThatExceptionOfType(PidFileException.class)
			.isThrownBy(() -> Daemoniker.stop(this.pidFile, Duration.ofSeconds(1)))
			.withMessageContaining("stale");
		assertThat(start()).isNotEqualTo(pid);
	}

	private long start(String... properties) {
		Result launcher = this.daemons.launch(this.pidFile, this.log, properties);
		assertThat(launcher.exitCode()).as(launcher.toString()).isZero();
		Daemons.awaitLog(this.log, "signals started");
		return Daemons.pidIn(this.pidFile);
	}

}
