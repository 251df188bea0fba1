/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.windows;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinError;
import com.sun.jna.platform.win32.WinNT.HANDLE;
import com.sun.jna.ptr.IntByReference;
import org.jspecify.annotations.Nullable;

/**
 * The launcher's connection to a daemon it started on Windows, presented as the
 * {@link Process} that the launcher talks to while the daemon starts. There is no
 * intermediate process on Windows: this is the daemon itself, but {@link #destroy()} only
 * lets go of it (closes the pipes and the handle), because the launcher destroys its
 * connection once the handshake is over. Its standard input is the pipe that carries the
 * launch request, its standard output the pipe that carries the handshake, starting with
 * the line that reports the daemon's PID (which the Unix intermediate shell prints), and
 * its error stream is what the daemon appends to its standard error file meanwhile: the
 * daemon's own standard streams are its target files from the start.
 */
final class DaemonConnection extends Process {

	private final long pid;

	private final HANDLE process;

	private final PipeStreams.BackgroundPipeOutputStream request;

	private final PipeStreams.PipeInputStream handshake;

	private final InputStream handshakeWithPid;

	private final InputStream errors;

	private boolean released;

	/**
	 * Creates the connection.
	 * @param started the daemon
	 * @param request the launcher's end of the launch request pipe
	 * @param handshake the launcher's end of the handshake pipe
	 * @param handshakePrefix the prefix of the handshake lines
	 * @param errorFile the daemon's standard error file, or {@code null} when it is no
	 * regular file (the null device, say)
	 * @param errorsFrom the size of that file before the daemon started
	 */
	DaemonConnection(Win32.Started started, HANDLE request, HANDLE handshake, String handshakePrefix,
			@Nullable Path errorFile, long errorsFrom) {
		this.pid = started.pid();
		this.process = started.handle();
		this.errors = (errorFile != null) ? new FileTail(errorFile, errorsFrom, () -> !isAlive())
				: InputStream.nullInputStream();
		this.request = new PipeStreams.BackgroundPipeOutputStream(request);
		this.handshake = new PipeStreams.PipeInputStream(handshake);
		byte[] spawned = (handshakePrefix + " spawned " + this.pid + "\n").getBytes(StandardCharsets.UTF_8);
		this.handshakeWithPid = new SequenceInputStream(new ByteArrayInputStream(spawned),
				new BufferedInputStream(this.handshake));
	}

	@Override
	public OutputStream getOutputStream() {
		return this.request;
	}

	@Override
	public InputStream getInputStream() {
		return this.handshakeWithPid;
	}

	@Override
	public InputStream getErrorStream() {
		return this.errors;
	}

	@Override
	public long pid() {
		return this.pid;
	}

	@Override
	public int waitFor() throws InterruptedException {
		while (!waitFor(1, TimeUnit.SECONDS)) {
			// Keep waiting, a second at a time, so that release() is noticed.
		}
		return exitValue();
	}

	@Override
	public boolean waitFor(long timeout, TimeUnit unit) throws InterruptedException {
		long deadline = System.nanoTime() + unit.toNanos(timeout);
		while (true) {
			synchronized (this) {
				if (this.released) {
					return true;
				}
				if (Win32.kernel32().WaitForSingleObject(this.process, 0) == WinBase.WAIT_OBJECT_0) {
					return true;
				}
			}
			if (System.nanoTime() - deadline >= 0) {
				return false;
			}
			Thread.sleep(10);
		}
	}

	@Override
	public synchronized int exitValue() {
		if (this.released) {
			return 0;
		}
		IntByReference code = new IntByReference();
		if (!Win32.kernel32().GetExitCodeProcess(this.process, code) || code.getValue() == WinBase.STILL_ACTIVE) {
			throw new IllegalThreadStateException("the daemon (pid " + this.pid + ") is running");
		}
		return code.getValue();
	}

	@Override
	public synchronized boolean isAlive() {
		return !this.released && Win32.kernel32().WaitForSingleObject(this.process, 0) == WinError.WAIT_TIMEOUT;
	}

	/**
	 * Lets go of the daemon without stopping it: closes the pipes and the process handle.
	 */
	@Override
	public void destroy() {
		this.request.abandon();
		this.handshake.close();
		try {
			this.errors.close();
		}
		catch (IOException ex) {
			// Only a file we read; nothing is lost.
		}
		synchronized (this) {
			if (!this.released) {
				this.released = true;
				Win32.close(this.process);
			}
		}
	}

	@Override
	public Process destroyForcibly() {
		destroy();
		return this;
	}

}
