/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.windows;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.BooleanSupplier;

import org.jspecify.annotations.Nullable;

/**
 * Reads what another process appends to a file, from a given offset on, until that
 * process is gone and everything it wrote has been read, or until closed. On Windows the
 * launcher reads the daemon's standard error file this way while the daemon starts: the
 * daemon writes to the file itself from the start, and the launcher still shows what it
 * printed before it confirmed, and why it exited if it did.
 */
final class FileTail extends InputStream {

	private static final long POLL_MILLIS = 10;

	private final Path file;

	private final BooleanSupplier writerGone;

	private long position;

	private @Nullable FileChannel channel;

	private volatile boolean closed;

	/**
	 * Creates a tail.
	 * @param file the file
	 * @param position where to start reading
	 * @param writerGone tells whether the writing process is gone
	 */
	FileTail(Path file, long position, BooleanSupplier writerGone) {
		this.file = file;
		this.position = position;
		this.writerGone = writerGone;
	}

	@Override
	public int read() throws IOException {
		byte[] one = new byte[1];
		return (read(one, 0, 1) < 0) ? -1 : (one[0] & 0xff);
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		if (length == 0) {
			return 0;
		}
		while (!this.closed) {
			// Asked before reading, so that what the writer wrote last is still read.
			boolean gone = this.writerGone.getAsBoolean();
			int read = readAvailable(buffer, offset, length);
			if (read > 0) {
				return read;
			}
			if (gone) {
				return -1;
			}
			try {
				Thread.sleep(POLL_MILLIS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new InterruptedIOException("interrupted while reading " + this.file);
			}
		}
		return -1;
	}

	private synchronized int readAvailable(byte[] buffer, int offset, int length) throws IOException {
		if (this.closed) {
			return -1;
		}
		if (this.channel == null) {
			try {
				this.channel = FileChannel.open(this.file, StandardOpenOption.READ);
			}
			catch (NoSuchFileException ex) {
				return 0;
			}
		}
		int read = this.channel.read(ByteBuffer.wrap(buffer, offset, length), this.position);
		if (read > 0) {
			this.position += read;
		}
		return Math.max(read, 0);
	}

	@Override
	public synchronized void close() throws IOException {
		this.closed = true;
		if (this.channel != null) {
			this.channel.close();
			this.channel = null;
		}
	}

}
