/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.launch.launcher;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.function.Consumer;

import io.daemoniker.internal.platform.FileKind;
import io.daemoniker.internal.platform.FileStat;
import org.jspecify.annotations.Nullable;

/**
 * The launcher's end of the FIFO through which a daemon whose start the shell prepared
 * confirms it. Opened for reading and writing, which never waits for a writer, even when
 * the intermediate shell that keeps the FIFO open is already gone; so it never reaches
 * its end either, and {@link #close()} writes an empty line of its own to end the reader.
 */
final class StatusFifo {

	private final Path path;

	private final Consumer<String> lines;

	private @Nullable RandomAccessFile fifo;

	private @Nullable Thread reader;

	private volatile boolean closing;

	StatusFifo(Path path, Consumer<String> lines) {
		this.path = path;
		this.lines = lines;
	}

	/**
	 * Opens the FIFO and starts reading it, if it is the FIFO that the shell made: a
	 * shell that could not make it lets the daemon confirm on its standard output.
	 */
	synchronized void open() {
		if (this.fifo != null || this.closing) {
			return;
		}
		try {
			if (FileStat.of(this.path, LinkOption.NOFOLLOW_LINKS).kind() != FileKind.FIFO) {
				return;
			}
			this.fifo = new RandomAccessFile(this.path.toFile(), "rw");
		}
		catch (IOException ex) {
			return;
		}
		RandomAccessFile opened = this.fifo;
		this.reader = new Thread(new Reading(opened), "daemoniker-startup-status");
		this.reader.setDaemon(true);
		this.reader.start();
	}

	private void read(RandomAccessFile opened) {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		try {
			int b;
			while (!this.closing && (b = opened.read()) != -1) {
				if (b != '\n') {
					line.write(b);
					continue;
				}
				if (!this.closing) {
					this.lines.accept(line.toString(StandardCharsets.UTF_8));
				}
				line.reset();
			}
		}
		catch (IOException ex) {
			// Closed under the reader: the start is over.
		}
	}

	/**
	 * Ends the reader and closes the FIFO.
	 */
	void close() {
		RandomAccessFile opened;
		Thread running;
		synchronized (this) {
			this.closing = true;
			opened = this.fifo;
			running = this.reader;
		}
		if (opened == null || running == null) {
			return;
		}
		try {
			opened.write('\n');
			running.join(1000);
		}
		catch (IOException ex) {
			// The reader ends once the descriptor is closed below.
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		try {
			opened.close();
		}
		catch (IOException ex) {
			// Nothing to be done about a FIFO that does not close.
		}
	}

	/**
	 * Reads the FIFO on the reader thread; a class, not a lambda: the launcher is a
	 * short-lived JVM, and the first use of each lambda or method reference costs it a
	 * generated class.
	 */
	private final class Reading implements Runnable {

		private final RandomAccessFile opened;

		Reading(RandomAccessFile opened) {
			this.opened = opened;
		}

		@Override
		public void run() {
			read(this.opened);
		}

	}

}
