/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.platform;

/**
 * A piece of work started ahead of its use on a thread of its own, whose end the thread
 * that needs its result waits for: how a short-lived JVM lets a wait of the kernel's, or
 * a load of JNA, take its time beside its other work. The thread is a daemon thread, so
 * that a JVM which ends before it needs the result just ends.
 */
final class BackgroundWork {

	private final Thread thread;

	/**
	 * Prepares the work; nothing runs before {@link #start()}.
	 * @param work the work, which keeps its own result and failure
	 * @param name the thread's name
	 */
	BackgroundWork(Runnable work, String name) {
		this.thread = new Thread(work, name);
		this.thread.setDaemon(true);
	}

	void start() {
		this.thread.start();
	}

	/**
	 * Tells whether the caller is the thread that runs the work, which must not wait for
	 * itself.
	 * @return {@code true} on the work's own thread
	 */
	boolean isCurrentThread() {
		return this.thread == Thread.currentThread();
	}

	/**
	 * Waits until the work has ended, without giving up on an interrupt, which is kept
	 * for the caller to see.
	 */
	void awaitEnd() {
		boolean interrupted = false;
		while (this.thread.isAlive()) {
			try {
				this.thread.join();
			}
			catch (InterruptedException ex) {
				interrupted = true;
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

}
