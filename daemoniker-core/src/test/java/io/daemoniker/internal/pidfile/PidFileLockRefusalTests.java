/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.pidfile;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.daemoniker.AlreadyRunningException;
import io.daemoniker.DaemonStatus;
import io.daemoniker.Daemoniker;
import io.daemoniker.DaemonikerException;
import io.daemoniker.PidFileException;
import io.daemoniker.internal.platform.Platform;
import io.daemoniker.support.DirectorySnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.function.ThrowingConsumer;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The daemon's own checks when it takes its PID file, which hold even when the launcher's
 * checks were passed (a file swapped in between, or {@code PidFile.acquire} called
 * directly): every refusal comes before anything is written, and leaves the directory as
 * it was. Real files of every type, in this process.
 */
@EnabledOnOs(OS.LINUX)
class PidFileLockRefusalTests {

	/**
	 * Generous: these calls never wait for anything, but a FIFO opened carelessly would.
	 */
	private static final Duration HANG_GUARD = Duration.ofSeconds(60);

	@TempDir
	Path directory;

	@Test
	void foreignContentIsRefused() throws Throwable {
		assertRefused((pidFile) -> Files.writeString(pidFile, "# Network services\nftp 21/tcp\n"), "not a PID");
		assertRefused((pidFile) -> Files.writeString(pidFile, "1234\nmore\n"), "a PID followed by more");
	}

	@Test
	void aFifoIsRefusedWithoutBlocking() throws Throwable {
		assertRefused((pidFile) -> run("mkfifo", pidFile.toString()), "a FIFO");
	}

	@Test
	void aCharacterDeviceIsRefused() throws Throwable {
		assumeThat(System.getProperty("user.name")).as("mknod needs root").isEqualTo("root");
		assertRefused((pidFile) -> run("mknod", pidFile.toString(), "c", "1", "3"), "a character device");
	}

	@Test
	void aSocketIsRefused() throws Throwable {
		try (ServerSocketChannel socket = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
			assertRefused((pidFile) -> socket.bind(UnixDomainSocketAddress.of(pidFile)), "a socket");
		}
	}

	@Test
	void aDirectoryIsRefused() throws Throwable {
		assertRefused(Files::createDirectory, "a directory");
	}

	@Test
	void symbolicLinksAreRefusedAndNothingIsCreatedThroughThem() throws Throwable {
		Path missing = this.directory.resolve("missing");
		assertRefused((pidFile) -> Files.createSymbolicLink(pidFile, missing), "symbolic link");
		assertThat(missing).doesNotExist();
	}

	@Test
	void aPidFileThatIsAHardLinkOfALogIsRefusedAndTheLogKept() throws Throwable {
		Path log = Files.createFile(this.directory.resolve("app.log"));
		Path pidFile = this.directory.resolve("app.pid");
		Files.createLink(pidFile, log);
		DirectorySnapshot before = DirectorySnapshot.of(this.directory);
		assertThatExceptionOfType(PidFileException.class)
			.isThrownBy(() -> PidFileLock.acquire(pidFile, 42, Map.of("stdout", log)))
			.withMessageContaining(pidFile.toString())
			.withMessageContaining("same file as the daemon's stdout");
		assertThat(DirectorySnapshot.of(this.directory)).isEqualTo(before);
	}

	@Test
	void aNewPidFileThatALogLinksToIsRemovedAgainWhenRefused() throws Throwable {
		Path pidFile = this.directory.resolve("app.pid");
		Path log = Files.createSymbolicLink(this.directory.resolve("app.log"), pidFile);
		assertThatExceptionOfType(PidFileException.class)
			.isThrownBy(() -> PidFileLock.acquire(pidFile, 42, Map.of("stderr", log)))
			.withMessageContaining("same file as the daemon's stderr");
		assertThat(pidFile).doesNotExist();
		assertThat(log).isSymbolicLink();
	}

	@Test
	void removalOnCloseSparesAFileThatReplacedOurs() throws Throwable {
		Path pidFile = this.directory.resolve("app.pid");
		PidFileLock lock = PidFileLock.acquire(pidFile, 42);
		Files.delete(pidFile);
		Files.writeString(pidFile, "somebody else's\n");
		lock.close();
		assertThat(pidFile).hasContent("somebody else's");
	}

	@Test
	void openingAndClosingTheHeldFileInThisProcessKeepsTheLock() throws Throwable {
		Path pidFile = this.directory.resolve("app.pid");
		long own = ProcessHandle.current().pid();
		try (PidFileLock lock = PidFileLock.acquire(pidFile, own)) {
			Files.readString(pidFile);
			try (var channel = java.nio.channels.FileChannel.open(pidFile)) {
				channel.tryLock(0, Long.MAX_VALUE, true).release();
			}
			assertThat(Platform.current().lockHolderOf(pidFile).pid()).isEqualTo(own);
		}
	}

	@Test
	void racingAcquisitionsNeverShareTheFileNorRemoveTheWinners() throws Throwable {
		Path pidFile = this.directory.resolve("raced.pid");
		int threads = 6;
		int rounds = 100;
		AtomicInteger holders = new AtomicInteger();
		AtomicInteger wins = new AtomicInteger();
		List<String> violations = new CopyOnWriteArrayList<>();
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				futures.add(executor.submit(() -> {
					for (int round = 0; round < rounds; round++) {
						PidFileLock lock;
						try {
							lock = PidFileLock.acquire(pidFile, 42);
						}
						catch (AlreadyRunningException ex) {
							continue;
						}
						wins.incrementAndGet();
						if (holders.incrementAndGet() != 1) {
							violations.add("two holders at once");
						}
						if (!Files.isRegularFile(pidFile)
								|| PidFileLock.heldByThisProcess(pidFile).orElse(null) != lock) {
							violations.add("the held file was removed under its holder");
						}
						holders.decrementAndGet();
						lock.close();
					}
					return null;
				}));
			}
			for (Future<?> future : futures) {
				future.get(120, TimeUnit.SECONDS);
			}
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(violations).isEmpty();
		assertThat(wins.get()).isPositive();
		assertThat(pidFile).doesNotExist();
	}

	@Test
	void standardStreamsAreNeverReopenedOntoTheHeldPidFile() throws Exception {
		Path pidFile = this.directory.resolve("app.pid");
		try (PidFileLock lock = PidFileLock.acquire(pidFile, 42)) {
			Path link = Files.createSymbolicLink(this.directory.resolve("out.log"), pidFile);
			assertThatExceptionOfType(DaemonikerException.class)
				.isThrownBy(() -> Daemoniker.reopenStandardStreams(null, link))
				.withMessageContaining(link.toString())
				.withMessageContaining("PID file");
			assertThat(pidFile).hasContent("42");
		}
	}

	private void assertRefused(ThrowingConsumer<Path> setUp, String what) throws Throwable {
		Path pidFile = this.directory.resolve("app-" + what.replaceAll("\\W", "") + ".pid");
		setUp.accept(pidFile);
		DirectorySnapshot before = DirectorySnapshot.of(this.directory);
		assertTimeoutPreemptively(HANG_GUARD, () -> {
			assertThatExceptionOfType(PidFileException.class).isThrownBy(() -> PidFileLock.acquire(pidFile, 42))
				.withMessageContaining(pidFile.toString())
				.withMessageContaining(what);
			DaemonStatus status = new PidFileInspector(Platform.current()).inspect(pidFile);
			assertThat(status.state()).isEqualTo(DaemonStatus.State.UNTRUSTED);
			assertThat(status.description()).contains(pidFile.toString());
		});
		assertThat(DirectorySnapshot.of(this.directory)).isEqualTo(before);
		assertThat(PidFileLock.heldByThisProcess(pidFile)).isEmpty();
	}

	private static void run(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).inheritIO().start();
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).isZero();
	}

}
