/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.launch.spawn;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.ptr.IntByReference;

import io.daemoniker.internal.platform.LibC;
import io.daemoniker.internal.platform.SignalNumbers;
import io.daemoniker.internal.platform.UnixConstants;

/**
 * A child process started by {@code posix_spawn}, with pipes to its standard streams. A
 * thread waits for it to exit and reaps it. It first waits without reaping, and reaps
 * only under the same lock that {@link #destroy()} takes, so that a signal can never
 * reach another process that has been given the same PID after this one was reaped. The
 * reaping itself never blocks under that lock, since {@code waitid} may wake for a child
 * that only stopped (macOS).
 */
final class PosixSpawnedProcess extends Process {

	private static final long STOPPED_POLL_MILLIS = 50;

	/** Large enough for a {@code siginfo_t} (128 bytes on Linux, 104 on macOS). */
	private static final int SIGINFO_SIZE = 256;

	private static final int SIGTERM = SignalNumbers.require("TERM");

	private static final int SIGKILL = SignalNumbers.require("KILL");

	private final int pid;

	private final OutputStream stdin;

	private final InputStream stdout;

	private final InputStream stderr;

	private final CompletableFuture<Integer> exit = new CompletableFuture<>();

	private final Object reapLock = new Object();

	private boolean reaped;

	PosixSpawnedProcess(int pid, PipeEnd stdin, PipeEnd stdout, PipeEnd stderr) {
		this.pid = pid;
		this.stdin = new BufferedOutputStream(stdin.outputStream());
		this.stdout = new BufferedInputStream(stdout.inputStream());
		this.stderr = new BufferedInputStream(stderr.inputStream());
		Thread reaper = new Thread(this::reap, "daemoniker-reaper-" + pid);
		reaper.setDaemon(true);
		reaper.start();
	}

	private void reap() {
		try (Memory info = PosixSpawnSpawner.zeroed(SIGINFO_SIZE)) {
			IntByReference status = new IntByReference();
			while (true) {
				waitWithoutReaping(info);
				synchronized (this.reapLock) {
					// Without blocking: macOS reports a stopped child to waitid(WEXITED)
					// too, and a reaper that waited here for it to exit would block
					// destroy() until then.
					if (waitpid(status) == this.pid) {
						this.reaped = true;
						break;
					}
				}
				pauseAfterWakingWithoutExit();
			}
			this.exit.complete(decode(status.getValue()));
		}
		catch (LastErrorException ex) {
			// Not our child any more (ECHILD): nothing left to wait for.
			synchronized (this.reapLock) {
				this.reaped = true;
			}
			this.exit.complete(-1);
		}
	}

	private void waitWithoutReaping(Memory info) {
		while (true) {
			try {
				LibC.Spawn.waitid(UnixConstants.P_PID, this.pid, info, UnixConstants.WEXITED | UnixConstants.WNOWAIT);
				return;
			}
			catch (LastErrorException ex) {
				if (ex.getErrorCode() != UnixConstants.EINTR) {
					throw ex;
				}
			}
		}
	}

	/**
	 * A stopped child keeps waking {@code waitid} on macOS: look again a little later
	 * rather than spin.
	 */
	private static void pauseAfterWakingWithoutExit() {
		try {
			Thread.sleep(STOPPED_POLL_MILLIS);
		}
		catch (InterruptedException ex) {
			// The reaper is a daemon thread that nobody interrupts; go on waiting.
		}
	}

	private int waitpid(IntByReference status) {
		while (true) {
			try {
				return LibC.Spawn.waitpid(this.pid, status, UnixConstants.WNOHANG);
			}
			catch (LastErrorException ex) {
				if (ex.getErrorCode() != UnixConstants.EINTR) {
					throw ex;
				}
			}
		}
	}

	/**
	 * Turns a wait status into an exit value the way the JDK does: the exit status, or
	 * 128 plus the number of the signal that ended the process.
	 */
	static int decode(int status) {
		int signal = status & 0x7f;
		return (signal == 0) ? (status >> 8) & 0xff : 0x80 + signal;
	}

	@Override
	public OutputStream getOutputStream() {
		return this.stdin;
	}

	@Override
	public InputStream getInputStream() {
		return this.stdout;
	}

	@Override
	public InputStream getErrorStream() {
		return this.stderr;
	}

	@Override
	public int waitFor() throws InterruptedException {
		try {
			return this.exit.get();
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex.getCause());
		}
	}

	@Override
	public boolean waitFor(long timeout, TimeUnit unit) throws InterruptedException {
		try {
			this.exit.get(timeout, unit);
			return true;
		}
		catch (TimeoutException ex) {
			return false;
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex.getCause());
		}
	}

	@Override
	public int exitValue() {
		Integer value = this.exit.getNow(null);
		if (value == null) {
			throw new IllegalThreadStateException("process " + this.pid + " has not exited");
		}
		return value;
	}

	@Override
	public boolean isAlive() {
		return !this.exit.isDone();
	}

	@Override
	public long pid() {
		return this.pid;
	}

	@Override
	public CompletableFuture<Process> onExit() {
		return this.exit.thenApply((value) -> this);
	}

	@Override
	public boolean supportsNormalTermination() {
		return true;
	}

	@Override
	public void destroy() {
		signal(SIGTERM);
	}

	@Override
	public Process destroyForcibly() {
		signal(SIGKILL);
		return this;
	}

	private void signal(int signum) {
		synchronized (this.reapLock) {
			if (this.reaped) {
				return;
			}
			try {
				// Not reaped yet: the PID is still this child's, perhaps as a zombie.
				LibC.kill(this.pid, signum);
			}
			catch (LastErrorException ex) {
				// Already exited: nothing to stop.
			}
		}
	}

	@Override
	public String toString() {
		return "PosixSpawnedProcess[pid=" + this.pid + ", exitValue="
				+ (this.exit.isDone() ? this.exit.join() : "\"not exited\"") + "]";
	}

}
