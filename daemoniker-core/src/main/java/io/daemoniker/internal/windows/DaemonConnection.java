/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.windows;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinError;
import com.sun.jna.platform.win32.WinNT.HANDLE;
import com.sun.jna.ptr.IntByReference;

/**
 * The launcher's connection to a daemon it started on Windows, presented as the
 * {@link Process} that the launcher talks to while the daemon starts. There is no
 * intermediate process on Windows: this is the daemon itself, but {@link #destroy()} only
 * lets go of it (closes the pipes and the handle), because the launcher destroys its
 * connection once the handshake is over. Standard output starts with the line that
 * reports the daemon's PID, which the Unix intermediate shell prints.
 */
final class DaemonConnection extends Process {

	private final long pid;

	private final HANDLE process;

	private final PipeStreams.PipeOutputStream stdin;

	private final PipeStreams.PipeInputStream stdout;

	private final PipeStreams.PipeInputStream stderr;

	private final InputStream stdoutWithPid;

	private final InputStream stderrBuffered;

	private boolean released;

	DaemonConnection(Win32.Started started, HANDLE stdin, HANDLE stdout, HANDLE stderr, String handshakePrefix) {
		this.pid = started.pid();
		this.process = started.handle();
		this.stdin = new PipeStreams.PipeOutputStream(stdin);
		this.stdout = new PipeStreams.PipeInputStream(stdout);
		this.stderr = new PipeStreams.PipeInputStream(stderr);
		byte[] spawned = (handshakePrefix + " spawned " + this.pid + "\n").getBytes(StandardCharsets.UTF_8);
		this.stdoutWithPid = new SequenceInputStream(new ByteArrayInputStream(spawned),
				new BufferedInputStream(this.stdout));
		this.stderrBuffered = new BufferedInputStream(this.stderr);
	}

	@Override
	public OutputStream getOutputStream() {
		return this.stdin;
	}

	@Override
	public InputStream getInputStream() {
		return this.stdoutWithPid;
	}

	@Override
	public InputStream getErrorStream() {
		return this.stderrBuffered;
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
		this.stdin.close();
		this.stdout.close();
		this.stderr.close();
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
