/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.pidfile;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import io.daemoniker.internal.platform.FileKind;
import io.daemoniker.internal.platform.FileStat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The pure-Java read of a PID file on Linux, against files swapped in between the
 * {@code lstat} that found a regular file and the read: each swap is caught with the path
 * in the message, and none makes the reader hang.
 */
@EnabledOnOs(OS.LINUX)
class GuardedReadTests {

	private static final Duration PATIENCE = Duration.ofMillis(500);

	@TempDir
	Path directory;

	@Test
	void readsTheStartAndTheSizeOfTheCheckedFile() throws IOException {
		Path file = Files.writeString(this.directory.resolve("app.pid"), "4242\n");
		FileStat checked = FileStat.of(file, LinkOption.NOFOLLOW_LINKS);
		PidFileSnapshot snapshot = GuardedRead.read(file, checked, PATIENCE);
		assertThat(snapshot.kind()).isEqualTo(FileKind.REGULAR);
		assertThat(snapshot.text()).isEqualTo("4242\n");
		assertThat(snapshot.size()).isEqualTo(5);
		assertThat(snapshot.identity()).isEqualTo(checked);
	}

	@Test
	void readsOnlyTheSampleOfABigFile() throws IOException {
		Path file = Files.writeString(this.directory.resolve("app.pid"), "x".repeat(100_000));
		PidFileSnapshot snapshot = GuardedRead.read(file, FileStat.of(file, LinkOption.NOFOLLOW_LINKS), PATIENCE);
		assertThat(snapshot.sample()).hasSize(PidFileContent.SAMPLE_LENGTH);
		assertThat(snapshot.size()).isEqualTo(100_000);
	}

	@Test
	void aFifoSwappedInAfterTheCheckIsNamedWithoutWaitingAndIsReleasedUnread() throws Exception {
		Path file = Files.writeString(this.directory.resolve("app.pid"), "4242\n");
		FileStat checked = FileStat.of(file, LinkOption.NOFOLLOW_LINKS);
		Files.delete(file);
		mkfifo(file);
		assertThat(GuardedRead.read(file, checked, PATIENCE).kind()).isEqualTo(FileKind.FIFO);
		// The abandoned reader still waits in its open: a writer meets it, and the
		// reader lets go at once without reading what was written.
		CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
			try (FileOutputStream out = new FileOutputStream(file.toFile())) {
				out.write("1\n".getBytes(StandardCharsets.US_ASCII));
			}
			catch (IOException ex) {
				// EPIPE: the reader closed its end, as it should.
			}
		});
		await().atMost(Duration.ofSeconds(30)).until(writer::isDone);
	}

	@Test
	void aSymbolicLinkSwappedInAfterTheCheckIsNamedAndNotFollowed() throws Exception {
		Path file = Files.writeString(this.directory.resolve("app.pid"), "4242\n");
		FileStat checked = FileStat.of(file, LinkOption.NOFOLLOW_LINKS);
		Path fifo = this.directory.resolve("fifo");
		mkfifo(fifo);
		Files.delete(file);
		Files.createSymbolicLink(file, fifo);
		assertThat(GuardedRead.read(file, checked, PATIENCE).kind()).isEqualTo(FileKind.SYMBOLIC_LINK);
	}

	@Test
	void anotherRegularFileSwappedInIsRefusedAsReplaced() throws IOException {
		Path file = Files.writeString(this.directory.resolve("app.pid"), "4242\n");
		FileStat checked = FileStat.of(file, LinkOption.NOFOLLOW_LINKS);
		Path other = Files.writeString(this.directory.resolve("other"), "1\n");
		Files.move(other, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		assertThatExceptionOfType(FileSystemException.class).isThrownBy(() -> GuardedRead.read(file, checked, PATIENCE))
			.withMessageContaining(file.toString())
			.withMessageContaining("replaced");
	}

	@Test
	void aFileRemovedAfterTheCheckIsMissing() throws IOException {
		Path file = Files.writeString(this.directory.resolve("app.pid"), "4242\n");
		FileStat checked = FileStat.of(file, LinkOption.NOFOLLOW_LINKS);
		Files.delete(file);
		assertThatExceptionOfType(NoSuchFileException.class)
			.isThrownBy(() -> GuardedRead.read(file, checked, PATIENCE));
	}

	private static void mkfifo(Path path) throws Exception {
		Process process = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
		assertThat(process.waitFor()).isZero();
	}

}
