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
	 * holds, and otherwise waits a little and looks again. The daemon keeps its ends of
	 * the pipes open for its whole life (closing a standard handle that the JVM still
	 * names is unsafe), so the launcher cannot wait for the end of the pipe; it closes
	 * this stream instead, which ends any read in progress.
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
							return -1;
						}
						throw new IOException("cannot read from the daemon: " + Win32.describe(code));
					}
					if (available.getValue() > 0) {
						byte[] chunk = new byte[Math.min(length, available.getValue())];
						IntByReference read = new IntByReference();
						if (!Win32.kernel32().ReadFile(this.handle, chunk, chunk.length, read, null)) {
							int code = Native.getLastError();
							if (code == WinError.ERROR_BROKEN_PIPE) {
								return -1;
							}
							throw new IOException("cannot read from the daemon: " + Win32.describe(code));
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
	 * Writes to a pipe; closing it tells the daemon that its launch request is complete.
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
