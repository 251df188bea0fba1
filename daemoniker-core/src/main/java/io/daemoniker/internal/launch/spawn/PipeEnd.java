/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.launch.spawn;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;

import io.daemoniker.internal.platform.LibC;
import io.daemoniker.internal.platform.UnixConstants;

/**
 * The launcher's end of a pipe to a spawned process, as a raw descriptor. Closing it
 * while another thread is blocked reading it defers the {@code close} until that read
 * returns: the descriptor number must not be freed, and perhaps reused by an unrelated
 * file, while a call still uses it.
 */
final class PipeEnd {

	private static final int BUFFER_SIZE = 8192;

	private final Object lock = new Object();

	private final int fd;

	private int inUse;

	private boolean closed;

	PipeEnd(int fd) {
		this.fd = fd;
	}

	int fd() {
		return this.fd;
	}

	/**
	 * Returns a stream that reads from this end.
	 * @return the stream
	 */
	InputStream inputStream() {
		return new PipeInputStream();
	}

	/**
	 * Returns a stream that writes to this end.
	 * @return the stream
	 */
	OutputStream outputStream() {
		return new PipeOutputStream();
	}

	private void acquire() throws IOException {
		synchronized (this.lock) {
			if (this.closed) {
				throw new IOException("Stream closed");
			}
			this.inUse++;
		}
	}

	private void release() {
		synchronized (this.lock) {
			this.inUse--;
			if (this.closed && this.inUse == 0) {
				closeNow();
			}
		}
	}

	void close() {
		synchronized (this.lock) {
			if (this.closed) {
				return;
			}
			this.closed = true;
			if (this.inUse == 0) {
				closeNow();
			}
		}
	}

	private void closeNow() {
		try {
			LibC.close(this.fd);
		}
		catch (LastErrorException ex) {
			// The descriptor is released even when close reports an error.
		}
	}

	private final class PipeInputStream extends InputStream {

		private final Memory buffer = new Memory(BUFFER_SIZE);

		private boolean eof;

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			int read = read(one, 0, 1);
			return (read < 0) ? -1 : one[0] & 0xff;
		}

		@Override
		public synchronized int read(byte[] bytes, int offset, int length) throws IOException {
			Objects.checkFromIndexSize(offset, length, bytes.length);
			if (length == 0) {
				return 0;
			}
			if (this.eof) {
				return -1;
			}
			acquire();
			try {
				while (true) {
					try {
						int read = (int) LibC.read(PipeEnd.this.fd, this.buffer, Math.min(length, BUFFER_SIZE));
						if (read == 0) {
							this.eof = true;
							return -1;
						}
						this.buffer.read(0, bytes, offset, read);
						return read;
					}
					catch (LastErrorException ex) {
						if (ex.getErrorCode() != UnixConstants.EINTR) {
							throw new IOException("cannot read from the daemon: " + LibC.describe(ex.getErrorCode()),
									ex);
						}
					}
				}
			}
			finally {
				release();
			}
		}

		@Override
		public void close() {
			PipeEnd.this.close();
		}

	}

	private final class PipeOutputStream extends OutputStream {

		private final Memory buffer = new Memory(BUFFER_SIZE);

		@Override
		public void write(int b) throws IOException {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
			Objects.checkFromIndexSize(offset, length, bytes.length);
			acquire();
			try {
				int done = 0;
				while (done < length) {
					int chunk = Math.min(length - done, BUFFER_SIZE);
					this.buffer.write(0, bytes, offset + done, chunk);
					int written = 0;
					while (written < chunk) {
						try {
							written += (int) LibC.write(PipeEnd.this.fd, this.buffer.share(written), chunk - written);
						}
						catch (LastErrorException ex) {
							if (ex.getErrorCode() != UnixConstants.EINTR) {
								throw new IOException("cannot write to the daemon: " + LibC.describe(ex.getErrorCode()),
										ex);
							}
						}
					}
					done += chunk;
				}
			}
			finally {
				release();
			}
		}

		@Override
		public void close() {
			PipeEnd.this.close();
		}

	}

}
