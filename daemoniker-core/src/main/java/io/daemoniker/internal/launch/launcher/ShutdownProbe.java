/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.launch.launcher;

/**
 * Tells whether this JVM has begun to shut down, which the JDK says only by refusing a
 * new shutdown hook: a launcher that is shutting down must not start a daemon that
 * nothing would then stop.
 */
final class ShutdownProbe implements Runnable {

	private ShutdownProbe() {
	}

	/**
	 * Tells whether the JVM's shutdown has begun.
	 * @return {@code true} once the shutdown hooks run or have run
	 */
	static boolean inProgress() {
		Thread probe = new Thread(new ShutdownProbe(), "daemoniker-shutdown-probe");
		try {
			Runtime.getRuntime().addShutdownHook(probe);
		}
		catch (IllegalStateException ex) {
			return true;
		}
		try {
			Runtime.getRuntime().removeShutdownHook(probe);
		}
		catch (IllegalStateException ex) {
			return true;
		}
		return false;
	}

	@Override
	public void run() {
		// Nothing: the probe is removed at once, or was never added; should the shutdown
		// begin in between, it runs and does nothing.
	}

}
