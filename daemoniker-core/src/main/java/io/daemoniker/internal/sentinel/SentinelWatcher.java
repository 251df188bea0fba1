/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.sentinel;

import java.io.IOException;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.LongConsumer;

import io.daemoniker.SignalError;
import org.jspecify.annotations.Nullable;

/**
 * Keeps one sentinel process alive and turns each of its deaths into a signal, on a
 * thread of its own: when the sentinel ends, the watcher hands the signal its exit code
 * stands for to the consumer (which only queues it, so a slow handler never holds the
 * watcher up), starts the next sentinel and publishes its PID. Every ending of a sentinel
 * is read exactly once, so no signal that reaches a sentinel is lost; a sender that hits
 * a sentinel in the moment it is being replaced fails and can try again with the PID
 * published next.
 * <p>
 * {@link #close()} publishes the daemon's own PID again before it ends the last sentinel,
 * so that the PID file never names a sentinel that is no longer watched.
 */
public final class SentinelWatcher {

	private static final long MAX_BACKOFF_MILLIS = 2000;

	private final SentinelStarter starter;

	private final LongConsumer publisher;

	private final long ownPid;

	private final SentinelExitCodes exitCodes;

	private final IntConsumer onSignal;

	private final Consumer<String> log;

	private final Object lock = new Object();

	private @Nullable Sentinel current;

	private boolean closing;

	private @Nullable Thread thread;

	/**
	 * Creates a watcher; nothing starts before {@link #start()}.
	 * @param starter starts each sentinel
	 * @param publisher writes a PID into the PID file
	 * @param ownPid the daemon's own PID, published again on close
	 * @param exitCodes tells which signal an exit code stands for
	 * @param onSignal receives each signal; must return quickly
	 * @param log receives one line about each problem
	 */
	public SentinelWatcher(SentinelStarter starter, LongConsumer publisher, long ownPid, SentinelExitCodes exitCodes,
			IntConsumer onSignal, Consumer<String> log) {
		this.starter = starter;
		this.publisher = publisher;
		this.ownPid = ownPid;
		this.exitCodes = exitCodes;
		this.onSignal = onSignal;
		this.log = log;
	}

	/**
	 * Starts the first sentinel, publishes its PID, and starts watching. Returns once the
	 * PID file names the sentinel. Does nothing if already started.
	 * @throws SignalError if the first sentinel cannot be started
	 */
	public void start() {
		synchronized (this.lock) {
			if (this.thread != null) {
				return;
			}
			if (this.closing) {
				throw new SignalError("the signal sentinel watcher was closed and cannot be started again");
			}
			try {
				this.current = this.starter.start();
			}
			catch (IOException ex) {
				throw new SignalError("cannot start the signal sentinel (" + this.starter + "): " + ex.getMessage(),
						ex);
			}
			publish(this.current.pid());
			this.thread = new Thread(this::run, "daemoniker-signal-sentinel");
			this.thread.setDaemon(true);
			this.thread.start();
		}
	}

	/**
	 * Returns the PID of the sentinel being watched.
	 * @return the PID, or -1 when there is none
	 */
	public long sentinelPid() {
		synchronized (this.lock) {
			return (this.current != null && !this.closing) ? this.current.pid() : -1;
		}
	}

	private void run() {
		int failures = 0;
		Sentinel sentinel;
		synchronized (this.lock) {
			sentinel = this.current;
		}
		while (sentinel != null) {
			int exitCode = awaitExit(sentinel);
			boolean closing;
			synchronized (this.lock) {
				closing = this.closing;
			}
			OptionalInt signal = sentinel.wasForced() ? OptionalInt.empty() : this.exitCodes.signalOf(exitCode);
			if (signal.isPresent()) {
				failures = 0;
				this.onSignal.accept(signal.getAsInt());
			}
			else if (!closing) {
				failures++;
				this.log.accept("the signal sentinel (pid " + sentinel.pid() + ") ended with exit code " + exitCode
						+ ", which stands for no signal; starting another");
			}
			if (closing) {
				sentinel.release();
				return;
			}
			Sentinel ended = sentinel;
			sentinel = next(failures);
			ended.release();
		}
	}

	private static int awaitExit(Sentinel sentinel) {
		while (true) {
			try {
				return sentinel.awaitExit();
			}
			catch (InterruptedException ex) {
				// Only close() ends the watcher, by ending the sentinel: keep waiting.
			}
		}
	}

	/**
	 * Starts the next sentinel and publishes it, backing off after sentinels that ended
	 * without a signal or did not start, so that a sentinel that cannot run does not make
	 * the watcher spin. Returns {@code null} once closing.
	 */
	private @Nullable Sentinel next(int failures) {
		int attempt = failures;
		while (true) {
			if (attempt > 0 && !pause(backoff(attempt))) {
				return null;
			}
			Sentinel started;
			try {
				started = this.starter.start();
			}
			catch (IOException ex) {
				attempt++;
				// The PID file keeps naming the ended sentinel: a sender fails and says
				// so, where the daemon's own PID would have it ended without its
				// handlers.
				this.log.accept("cannot start a new signal sentinel (" + this.starter + "): " + ex.getMessage()
						+ "; signals cannot be received until one starts");
				continue;
			}
			synchronized (this.lock) {
				if (!this.closing) {
					this.current = started;
					publish(started.pid());
					return started;
				}
			}
			started.stop();
			return null;
		}
	}

	private static long backoff(int attempt) {
		return Math.min(MAX_BACKOFF_MILLIS, 25L << Math.min(attempt, 10));
	}

	/**
	 * Waits, unless closing; returns whether the watcher goes on.
	 */
	private boolean pause(long millis) {
		synchronized (this.lock) {
			long deadline = System.nanoTime() + millis * 1_000_000;
			while (!this.closing) {
				long left = (deadline - System.nanoTime()) / 1_000_000;
				if (left <= 0) {
					return true;
				}
				try {
					this.lock.wait(left);
				}
				catch (InterruptedException ex) {
					// Only close() ends the watcher.
				}
			}
			return false;
		}
	}

	private void publish(long pid) {
		try {
			this.publisher.accept(pid);
		}
		catch (RuntimeException ex) {
			this.log.accept("cannot write pid " + pid + " into the PID file: " + ex.getMessage());
		}
	}

	/**
	 * Publishes the daemon's own PID, ends the sentinel and waits for the watcher to
	 * finish, so that a signal that ended the last sentinel has been handed on when this
	 * returns. Idempotent.
	 */
	public void close() {
		Sentinel last;
		Thread watcher;
		synchronized (this.lock) {
			if (this.closing) {
				return;
			}
			this.closing = true;
			publish(this.ownPid);
			last = this.current;
			this.current = null;
			watcher = this.thread;
			this.lock.notifyAll();
		}
		if (last != null) {
			last.stop();
		}
		if (watcher != null && watcher != Thread.currentThread()) {
			try {
				watcher.join(5000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

}
