/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.sentinel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.daemoniker.internal.pidfile.PidFileLock;
import io.daemoniker.internal.signal.SignalDispatcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The sentinel watcher with real Unix processes standing in for Windows sentinels: a
 * process that exits with a chosen code is exactly what {@code TerminateProcess} with
 * that code makes of a sentinel, and {@code cat} waits for the end of its input as the
 * Windows sentinel does.
 */
@EnabledOnOs({ OS.LINUX, OS.MAC })
class SentinelWatcherTests {

	private static final long OWN_PID = ProcessHandle.current().pid();

	private static final SentinelExitCodes CODES = new SentinelExitCodes(2, 15, 22, 1, 10);

	@TempDir
	Path directory;

	private final List<Long> started = Collections.synchronizedList(new ArrayList<>());

	private final List<Long> published = new CopyOnWriteArrayList<>();

	private final List<Integer> delivered = new CopyOnWriteArrayList<>();

	private final List<String> problems = new CopyOnWriteArrayList<>();

	private SentinelWatcher watcher;

	@AfterEach
	void tearDown() {
		if (this.watcher != null) {
			this.watcher.close();
		}
		for (long pid : this.started) {
			ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
		}
	}

	@Test
	void eachEndingSentinelIsOneSignalAndIsReplaced() {
		this.watcher = watcher(scripted(15, 2, 22, 1, 10));
		this.watcher.start();
		await().atMost(Duration.ofSeconds(20)).until(() -> this.delivered.size() == 5);
		assertThat(this.delivered).containsExactly(15, 2, 22, 1, 10);
		// The five scripted sentinels and the waiting one, each published once, in order.
		await().atMost(Duration.ofSeconds(10)).until(() -> this.published.size() == 6);
		assertThat(this.published).containsExactlyElementsOf(this.started);
		long last = this.published.get(5);
		assertThat(this.watcher.sentinelPid()).isEqualTo(last);
		assertThat(ProcessHandle.of(last).map(ProcessHandle::isAlive)).hasValue(true);
		assertThat(this.problems).isEmpty();
	}

	@Test
	void closeRestoresTheDaemonsPidAndEndsTheSentinelWithoutASignal() {
		this.watcher = watcher(scripted());
		this.watcher.start();
		long sentinel = this.watcher.sentinelPid();
		assertThat(this.published).containsExactly(sentinel);
		this.watcher.close();
		assertThat(this.published).containsExactly(sentinel, OWN_PID);
		await().atMost(Duration.ofSeconds(10)).until(() -> ProcessHandle.of(sentinel).isEmpty());
		assertThat(this.delivered).isEmpty();
		assertThat(this.watcher.sentinelPid()).isEqualTo(-1);
		assertThat(this.problems).isEmpty();
	}

	@Test
	void sentinelEndingWithoutASignalIsReportedAndReplaced() {
		this.watcher = watcher(scripted(3, 15));
		this.watcher.start();
		await().atMost(Duration.ofSeconds(20)).until(() -> this.delivered.size() == 1);
		assertThat(this.delivered).containsExactly(15);
		assertThat(this.problems).singleElement().asString().contains("exit code 3").contains("stands for no signal");
		await().atMost(Duration.ofSeconds(10)).until(() -> this.published.size() == 3);
	}

	@Test
	void sentinelThatCannotBeReplacedIsReportedAndTheFileKeepsNamingTheEndedOne() {
		SentinelStarter exiting = tracked(new ProcessSentinelStarter(List.of("sh", "-c", "exit 15"), false));
		SentinelStarter waiting = tracked(new ProcessSentinelStarter(List.of("cat"), false));
		int[] calls = { 0 };
		this.watcher = watcher(() -> {
			int call = calls[0]++;
			if (call == 0) {
				return exiting.start();
			}
			if (call == 1) {
				throw new IOException("no more processes");
			}
			return waiting.start();
		});
		this.watcher.start();
		await().atMost(Duration.ofSeconds(20)).until(() -> this.published.size() == 2);
		assertThat(this.delivered).containsExactly(15);
		assertThat(this.published).doesNotContain(OWN_PID).containsExactlyElementsOf(this.started);
		assertThat(this.problems).singleElement()
			.asString()
			.contains("cannot start a new signal sentinel")
			.contains("no more processes");
	}

	@Test
	void failingStarterIsASignalErrorAtStart() {
		this.watcher = new SentinelWatcher(() -> {
			throw new IOException("no such program");
		}, this.published::add, OWN_PID, CODES, this.delivered::add, this.problems::add);
		assertThatExceptionOfType(io.daemoniker.SignalError.class).isThrownBy(this.watcher::start)
			.withMessageContaining("no such program");
		assertThat(this.published).isEmpty();
	}

	@Test
	void noSignalIsLostWhileAHandlerRuns() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		List<Integer> handled = new CopyOnWriteArrayList<>();
		SignalDispatcher dispatcher = new SignalDispatcher("test-dispatch", (signum) -> {
			handled.add(signum);
			if (handled.size() == 1) {
				awaitLatch(release);
			}
		});
		try {
			SentinelSignalSource source = new SentinelSignalSource(scripted(15, 1, 10, 1, 2, 22, 15),
					this.published::add, OWN_PID, CODES);
			try {
				for (int signum : new int[] { 2, 15, 22, 1, 10 }) {
					source.handle(signum, dispatcher::deliver);
				}
				// All seven sentinels end while the first handler still runs.
				await().atMost(Duration.ofSeconds(20)).until(() -> this.published.size() == 8);
				assertThat(handled).containsExactly(15);
				release.countDown();
				await().atMost(Duration.ofSeconds(10)).until(() -> handled.size() == 7);
				assertThat(handled).containsExactly(15, 1, 10, 1, 2, 22, 15);
			}
			finally {
				source.close();
			}
			assertThat(this.published.get(this.published.size() - 1)).isEqualTo(OWN_PID);
		}
		finally {
			release.countDown();
			dispatcher.stop();
		}
	}

	@Test
	void realSignalsToRealSentinelsSwitchThePidFile() throws Exception {
		Path pidFile = this.directory.resolve("daemon.pid");
		try (PidFileLock lock = PidFileLock.acquire(pidFile, OWN_PID)) {
			SentinelSignalSource source = new SentinelSignalSource(
					tracked(new ProcessSentinelStarter(List.of("cat"), false)), lock::write, OWN_PID, CODES);
			List<Integer> handled = new CopyOnWriteArrayList<>();
			try {
				for (int signum : new int[] { 2, 15, 1, 10 }) {
					source.handle(signum, handled::add);
				}
				int[] sent = { 15, 2, 10, 1, 15 };
				for (int i = 0; i < sent.length; i++) {
					long sentinel = pidIn(pidFile);
					assertThat(sentinel).isNotEqualTo(OWN_PID);
					assertThat(ProcessHandle.of(sentinel).map((process) -> process.parent().map(ProcessHandle::pid)))
						.hasValue(java.util.Optional.of(OWN_PID));
					kill(sentinel, sent[i]);
					int expected = i + 1;
					await().atMost(Duration.ofSeconds(10)).until(() -> handled.size() == expected);
					await().atMost(Duration.ofSeconds(10)).until(() -> pidIn(pidFile) != sentinel);
				}
				assertThat(handled).containsExactly(15, 2, 10, 1, 15);
			}
			finally {
				source.close();
			}
			assertThat(pidIn(pidFile)).isEqualTo(OWN_PID);
		}
	}

	private static void kill(long pid, int signum) throws Exception {
		Process kill = new ProcessBuilder("kill", "-" + signum, Long.toString(pid)).inheritIO().start();
		assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
		assertThat(kill.exitValue()).isZero();
	}

	private static long pidIn(Path pidFile) throws IOException {
		return Long.parseLong(Files.readString(pidFile).trim());
	}

	private static void awaitLatch(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private SentinelWatcher watcher(SentinelStarter starter) {
		return new SentinelWatcher(starter, this.published::add, OWN_PID, CODES, this.delivered::add,
				this.problems::add);
	}

	/**
	 * Starts sentinels that exit at once with the given codes, in order, and then one
	 * that waits.
	 */
	private SentinelStarter scripted(int... exitCodes) {
		Deque<Integer> codes = new ArrayDeque<>();
		for (int code : exitCodes) {
			codes.add(code);
		}
		SentinelStarter waiting = new ProcessSentinelStarter(List.of("cat"), false);
		return tracked(() -> {
			Integer code;
			synchronized (codes) {
				code = codes.poll();
			}
			return (code != null) ? new ProcessSentinelStarter(List.of("sh", "-c", "exit " + code), false).start()
					: waiting.start();
		});
	}

	private SentinelStarter tracked(SentinelStarter starter) {
		return () -> {
			Sentinel sentinel = starter.start();
			this.started.add(sentinel.pid());
			return sentinel;
		};
	}

}
