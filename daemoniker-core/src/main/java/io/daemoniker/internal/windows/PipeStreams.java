/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.windows;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;

import com.sun.jna.Native;
import com.sun.jna.platform.win32.WinError;
import com.sun.jna.platform.win32.WinNT.HANDLE;
import com.sun.jna.ptr.IntByReference;

/**
 * Streams over the launcher's ends of the pipes to a starting daemon.
 */
final class PipeStreams {

	private PipeStreams() {
	}

	/**
	 * Reads a pipe without ever blocking inside Windows: it reads only what the pipe
	 * holds, and otherwise waits a little and looks again. The end of the pipe cannot be
	 * counted on: a program that the daemon starts before it calls {@code daemonize}
	 * inherits the daemon's end too, and keeps it open. So the launcher closes this
	 * stream once it has what it waits for, which ends any read in progress. At the end
	 * of the pipe the stream closes its handle by itself.
	 */
	static final class PipeInputStream extends InputStream {

		private static final long POLL_MILLIS = 10;

		private final HANDLE handle;

		private boolean closed;

		PipeInputStream(HANDLE handle) {
			this.handle = handle;
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
			while (true) {
				synchronized (this) {
					if (this.closed) {
						return -1;
					}
					IntByReference available = new IntByReference();
					if (!Win32.kernel32().PeekNamedPipe(this.handle, null, 0, null, available, null)) {
						int code = Native.getLastError();
						if (code == WinError.ERROR_BROKEN_PIPE) {
							close();
							return -1;
						}
						throw new IOException("cannot read from the pipe: " + Win32.describe(code));
					}
					if (available.getValue() > 0) {
						byte[] chunk = new byte[Math.min(length, available.getValue())];
						IntByReference read = new IntByReference();
						if (!Win32.kernel32().ReadFile(this.handle, chunk, chunk.length, read, null)) {
							int code = Native.getLastError();
							if (code == WinError.ERROR_BROKEN_PIPE) {
								return -1;
							}
							throw new IOException("cannot read from the pipe: " + Win32.describe(code));
						}
						System.arraycopy(chunk, 0, buffer, offset, read.getValue());
						return read.getValue();
					}
				}
				try {
					Thread.sleep(POLL_MILLIS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new InterruptedIOException("interrupted while reading from the daemon");
				}
			}
		}

		@Override
		public synchronized void close() {
			if (!this.closed) {
				this.closed = true;
				Win32.close(this.handle);
			}
		}

	}

	/**
	 * Collects the launch request and, once closed, writes it to the pipe on a thread of
	 * its own: a request larger than the pipe's buffer blocks the writer until the daemon
	 * reads it, which the daemon does only when it calls {@code daemonize}, and the
	 * launcher must meanwhile watch the success timeout. If the daemon never reads it,
	 * the write ends when the daemon ends (the pipe breaks), or with the launcher.
	 */
	static final class BackgroundPipeOutputStream extends OutputStream {

		private final java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();

		private final HANDLE handle;

		private boolean closed;

		BackgroundPipeOutputStream(HANDLE handle) {
			this.handle = handle;
		}

		@Override
		public synchronized void write(int b) throws IOException {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
			if (this.closed) {
				throw new IOException("the pipe to the daemon is closed");
			}
			this.buffer.write(bytes, offset, length);
		}

		/**
		 * Hands what was written to the writing thread, which closes the pipe after it,
		 * telling the daemon that its launch request is complete.
		 */
		@Override
		public synchronized void close() {
			if (this.closed) {
				return;
			}
			this.closed = true;
			byte[] bytes = this.buffer.toByteArray();
			Thread writer = new Thread(() -> {
				try (PipeOutputStream out = new PipeOutputStream(this.handle)) {
					out.write(bytes, 0, bytes.length);
				}
				catch (IOException ex) {
					// The daemon ended before it read its request: its exit tells why.
				}
			}, "daemoniker-launch-request");
			writer.setDaemon(true);
			writer.start();
		}

		/**
		 * Lets go of the pipe: closes it unless the writing thread owns it.
		 */
		synchronized void abandon() {
			if (!this.closed) {
				this.closed = true;
				Win32.close(this.handle);
			}
		}

	}

	/**
	 * Writes to a pipe; closing it closes the handle.
	 */
	static final class PipeOutputStream extends OutputStream {

		private final HANDLE handle;

		private boolean closed;

		PipeOutputStream(HANDLE handle) {
			this.handle = handle;
		}

		@Override
		public void write(int b) throws IOException {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public synchronized void write(byte[] buffer, int offset, int length) throws IOException {
			if (this.closed) {
				throw new IOException("the pipe to the daemon is closed");
			}
			int done = 0;
			while (done < length) {
				byte[] chunk = new byte[length - done];
				System.arraycopy(buffer, offset + done, chunk, 0, chunk.length);
				IntByReference written = new IntByReference();
				if (!Win32.kernel32().WriteFile(this.handle, chunk, chunk.length, written, null)) {
					throw new IOException("cannot write to the daemon: " + Win32.describe(Native.getLastError()));
				}
				done += written.getValue();
			}
		}

		@Override
		public synchronized void close() {
			if (!this.closed) {
				this.closed = true;
				Win32.close(this.handle);
			}
		}

	}

}
