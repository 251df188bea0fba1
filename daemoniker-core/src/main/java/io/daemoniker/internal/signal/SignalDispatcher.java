/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.signal;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;

import io.daemoniker.internal.logging.DeferredLogger;
import io.daemoniker.internal.platform.SignalNumbers;
import org.jspecify.annotations.Nullable;

/**
 * Runs signal handlers one at a time, in order of arrival, and never loses a delivery
 * that arrives while a handler runs: such a delivery waits in a queue for its turn.
 * <p>
 * Where each delivery arrives on a fresh thread of its own (the JVM's signal handling on
 * Unix starts one per delivery), the handler runs right on that thread when no other
 * handler is running, which spares the hand-off to another thread; a delivery that finds
 * a handler running is queued and run by that thread when it is done. Where deliveries
 * come from one long-lived thread (the sentinel watcher on Windows, which must go back to
 * waiting at once), handlers run on a dispatch thread of the dispatcher's own.
 */
public final class SignalDispatcher implements IntConsumer {

	private static final DeferredLogger LOGGER = DeferredLogger.of(SignalDispatcher.class);

	private final Queue<Integer> deliveries = new ConcurrentLinkedQueue<>();

	private final AtomicBoolean draining = new AtomicBoolean();

	private final IntConsumer handler;

	private final @Nullable Thread thread;

	private final Object wakeUp = new Object();

	private volatile boolean stopped;

	/**
	 * Creates a dispatcher.
	 * @param name the name of its dispatch thread, if it needs one
	 * @param handler called with each signal number, in order of arrival
	 * @param onDeliveringThread whether handlers may run on the thread that delivers the
	 * signal: only where each delivery comes on a fresh thread
	 */
	public SignalDispatcher(String name, IntConsumer handler, boolean onDeliveringThread) {
		this.handler = handler;
		if (onDeliveringThread) {
			this.thread = null;
		}
		else {
			this.thread = new Thread(new DispatchLoop(), name);
			this.thread.setDaemon(true);
			this.thread.start();
		}
	}

	/**
	 * Creates a dispatcher that runs handlers on a dispatch thread of its own.
	 * @param name the dispatch thread's name
	 * @param handler called with each signal number, in order of arrival
	 */
	public SignalDispatcher(String name, IntConsumer handler) {
		this(name, handler, false);
	}

	/**
	 * The same as {@link #deliver}, so that a dispatcher can be given where a signal's
	 * deliveries go, without a method reference: a daemon sets this up on its way to
	 * "ready", where the first use of each lambda or method reference costs its
	 * short-lived start a generated class.
	 * @param signum the signal number
	 */
	@Override
	public void accept(int signum) {
		deliver(signum);
	}

	/**
	 * Hands over a delivery. Returns at once when the handler runs elsewhere; otherwise
	 * runs it, and whatever arrives meanwhile, before it returns.
	 * @param signum the signal number
	 */
	public void deliver(int signum) {
		if (this.stopped) {
			return;
		}
		this.deliveries.add(signum);
		if (this.thread != null) {
			synchronized (this.wakeUp) {
				this.wakeUp.notifyAll();
			}
			return;
		}
		drain();
	}

	/**
	 * Runs queued deliveries while no other thread does. The check after letting go
	 * closes the window in which another thread queued a delivery, saw this one busy and
	 * left.
	 */
	private void drain() {
		while (!this.deliveries.isEmpty() && this.draining.compareAndSet(false, true)) {
			try {
				Integer signum;
				while ((signum = this.deliveries.poll()) != null) {
					invoke(signum);
				}
			}
			finally {
				this.draining.set(false);
			}
		}
	}

	/**
	 * Stops the dispatcher: deliveries handed over afterwards are dropped, those queued
	 * before are still handled. Does not wait.
	 */
	public void stop() {
		this.stopped = true;
		if (this.thread != null) {
			synchronized (this.wakeUp) {
				this.wakeUp.notifyAll();
			}
		}
	}

	private void run() {
		while (true) {
			Integer signum = this.deliveries.poll();
			if (signum != null) {
				invoke(signum);
				continue;
			}
			if (this.stopped) {
				return;
			}
			synchronized (this.wakeUp) {
				if (this.deliveries.isEmpty() && !this.stopped) {
					try {
						this.wakeUp.wait();
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			}
		}
	}

	private void invoke(int signum) {
		try {
			this.handler.accept(signum);
		}
		catch (Throwable ex) {
			LOGGER.error("the handler of SIG" + SignalNumbers.name(signum) + " failed", ex);
		}
	}

	/**
	 * The dispatch thread's work; a class, not a method reference, for the reason given
	 * at {@link #accept}.
	 */
	private final class DispatchLoop implements Runnable {

		@Override
		public void run() {
			SignalDispatcher.this.run();
		}

	}

}
