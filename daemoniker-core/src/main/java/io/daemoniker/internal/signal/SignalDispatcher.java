/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.signal;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.IntConsumer;

/**
 * Runs signal handlers one at a time on a thread of its own. The JVM runs each delivery
 * on a new thread; handing each one to a queue at once means that a handler never runs
 * twice concurrently and that a signal arriving while a handler runs waits for its turn
 * instead of being lost.
 */
public final class SignalDispatcher {

	private static final int STOP = Integer.MIN_VALUE;

	private final BlockingQueue<Integer> deliveries = new LinkedBlockingQueue<>();

	private final IntConsumer handler;

	private final Thread thread;

	/**
	 * Creates and starts a dispatcher.
	 * @param name the thread's name
	 * @param handler called with each signal number, in order of arrival
	 */
	public SignalDispatcher(String name, IntConsumer handler) {
		this.handler = handler;
		this.thread = new Thread(this::run, name);
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/**
	 * Queues a delivery. Cheap and non-blocking: called from the JVM's signal threads.
	 * @param signum the signal number
	 */
	public void deliver(int signum) {
		this.deliveries.add(signum);
	}

	/**
	 * Stops the dispatcher once the deliveries queued so far have been handled. Does not
	 * wait.
	 */
	public void stop() {
		this.deliveries.add(STOP);
	}

	/**
	 * Returns whether the calling thread is the dispatch thread.
	 * @return {@code true} inside a handler
	 */
	public boolean isDispatchThread() {
		return Thread.currentThread() == this.thread;
	}

	private void run() {
		while (true) {
			int signum;
			try {
				signum = this.deliveries.take();
			}
			catch (InterruptedException ex) {
				return;
			}
			if (signum == STOP) {
				return;
			}
			try {
				this.handler.accept(signum);
			}
			catch (Throwable ex) {
				System.err.println("daemoniker: the handler of SIG" + SignalNumbers.name(signum) + " failed: " + ex);
				ex.printStackTrace();
			}
		}
	}

}
