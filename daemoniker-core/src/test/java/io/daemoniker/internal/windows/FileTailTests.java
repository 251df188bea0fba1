/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.windows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading what a real process appends to a file, as the Windows launcher reads its
 * daemon's standard error file while the daemon starts.
 */
@DisabledOnOs(OS.WINDOWS)
class FileTailTests {

	@TempDir
	Path directory;

	private Process writer;

	@AfterEach
	void tearDown() {
		if (this.writer != null) {
			this.writer.destroyForcibly();
		}
	}

	@Test
	void readsWhatIsAppendedAfterTheOffsetUntilTheWriterIsGone() throws Exception {
		Path file = this.directory.resolve("daemon.err");
		Files.writeString(file, "an earlier run\n");
		long offset = Files.size(file);
		Path go = this.directory.resolve("go");
		// Writes one line, waits for the reader to be under way, writes another, exits.
		this.writer = new ProcessBuilder("sh", "-c",
				"echo first >> \"$1\"; while [ ! -e \"$2\" ]; do sleep 0.05; done; echo last >> \"$1\"", "sh",
				file.toString(), go.toString())
			.start();
		Process process = this.writer;
		try (FileTail tail = new FileTail(file, offset, () -> !process.isAlive())) {
			CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> readAll(tail));
			Files.writeString(go, "");
			assertThat(read.get(60, TimeUnit.SECONDS)).isEqualTo("first\nlast\n");
		}
		assertThat(this.writer.waitFor()).isZero();
	}

	@Test
	void closingEndsAReadThatWaitsForMore() throws Exception {
		Path file = this.directory.resolve("daemon.err");
		FileTail tail = new FileTail(file, 0, () -> false);
		CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> readAll(tail));
		tail.close();
		assertThat(read.get(60, TimeUnit.SECONDS)).isEmpty();
	}

	private static String readAll(FileTail tail) {
		try {
			return new String(tail.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
