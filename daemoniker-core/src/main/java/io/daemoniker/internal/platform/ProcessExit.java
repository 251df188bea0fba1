/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.sun.jna.LastErrorException;
import org.jspecify.annotations.Nullable;

/**
 * One process, pinned so that its end can be awaited without being fooled by another
 * process that is given the same PID afterwards. On Linux a process descriptor names the
 * process (it becomes readable when the process exits); elsewhere the process's start
 * time tells it apart from a later process with the same PID.
 */
public final class ProcessExit implements AutoCloseable {

	private static final long MAX_POLL_MILLIS = 1000;

	private final long pid;

	private final int pidfd;

	private final @Nullable Instant started;

	private final boolean goneWhenPinned;

	private ProcessExit(long pid, int pidfd, @Nullable Instant started, boolean goneWhenPinned) {
		this.pid = pid;
		this.pidfd = pidfd;
		this.started = started;
		this.goneWhenPinned = goneWhenPinned;
	}

	/**
	 * Pins a process. Pin it before the check that makes it the right process (such as
	 * "it holds the PID file's lock"), so that what was checked is what is awaited.
	 * @param pid the process
	 * @return the pinned process, which the caller must close
	 */
	public static ProcessExit pin(long pid) {
		if (PidFd.mayBeAvailable()) {
			try {
				int pidfd = PidFd.open(pid);
				if (pidfd >= 0) {
					return new ProcessExit(pid, pidfd, null, false);
				}
			}
			catch (LastErrorException ex) {
				// ESRCH: it is gone already; any other error: fall back to the start
				// time.
				if (ex.getErrorCode() == LinuxConstants.ESRCH) {
					return new ProcessExit(pid, -1, null, true);
				}
			}
		}
		return pinByStartTime(pid);
	}

	/**
	 * Pins a process by its PID and start time, as where there are no process
	 * descriptors.
	 * @param pid the process
	 * @return the pinned process
	 */
	static ProcessExit pinByStartTime(long pid) {
		Optional<ProcessHandle> process = ProcessHandle.of(pid);
		Instant started = process.flatMap((handle) -> handle.info().startInstant()).orElse(null);
		return new ProcessExit(pid, -1, started, process.isEmpty() || Processes.isGone(pid));
	}

	/**
	 * Returns the PID.
	 * @return the PID
	 */
	public long pid() {
		return this.pid;
	}

	/**
	 * Returns whether the pinned process has ended (a zombie counts as ended).
	 * @return {@code true} once it runs no more
	 */
	public boolean isGone() {
		return awaitGone(Duration.ZERO);
	}

	/**
	 * Waits until the pinned process has ended.
	 * @param timeout how long to wait at most
	 * @return {@code true} if it ended in time; {@code false} on timeout or if this
	 * thread was interrupted, whose interrupt status is then kept
	 */
	public boolean awaitGone(Duration timeout) {
		long deadline = System.nanoTime() + saturatedNanos(timeout);
		while (true) {
			long left = Math.max(0, deadline - System.nanoTime());
			long waitMillis = Math.min(MAX_POLL_MILLIS, (left + 999_999) / 1_000_000);
			if (this.pidfd >= 0) {
				if (PidFd.awaitExit(this.pidfd, (int) waitMillis)) {
					return true;
				}
			}
			else if (isGoneByStartTime()) {
				return true;
			}
			else if (waitMillis > 0) {
				try {
					Thread.sleep(Math.min(waitMillis, 20));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return isGoneByStartTime();
				}
			}
			if (Thread.currentThread().isInterrupted() || deadline - System.nanoTime() <= 0) {
				return (this.pidfd >= 0) ? PidFd.awaitExit(this.pidfd, 0) : isGoneByStartTime();
			}
		}
	}

	private boolean isGoneByStartTime() {
		if (this.goneWhenPinned) {
			return true;
		}
		if (this.started == null) {
			// Its start time cannot be read here: only the PID is left to go by.
			return Processes.isGone(this.pid);
		}
		Optional<ProcessHandle> process = ProcessHandle.of(this.pid);
		if (process.isEmpty() || !process.get().isAlive()) {
			return true;
		}
		Optional<Instant> started = process.get().info().startInstant();
		return (started.isPresent() && !started.get().equals(this.started)) || Processes.isGone(this.pid);
	}

	private static long saturatedNanos(Duration timeout) {
		try {
			return Math.max(0, timeout.toNanos());
		}
		catch (ArithmeticException ex) {
			return Long.MAX_VALUE / 2;
		}
	}

	@Override
	public void close() {
		if (this.pidfd >= 0) {
			PidFd.close(this.pidfd);
		}
	}

}
