/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

/**
 * Python's {@code with Daemonizer() as (is_setup, daemonizer)}, as try-with-resources:
 * set-up code runs once, in the launcher; parent-only code runs in the launcher after the
 * daemon confirmed its start-up; leaving the block ends the launcher with status 0, so
 * that only the daemon runs the code after it.
 *
 * <pre class="code">
 * try (Daemonizer daemonizer = new Daemonizer()) {
 *     if (daemonizer.isSetup()) {
 *         prepare();                       // launcher only
 *     }
 *     DaemonizeResult result = daemonizer.daemonize(pidFile, options, config);
 *     if (result.isParent()) {
 *         System.out.println("started");   // launcher only, after the daemon is up
 *     }
 *     config = (String) result.arg(0);     // null in the launcher
 * }
 * runDaemon(config);                       // daemon only
 * </pre>
 *
 * Do not put code for the daemon in an {@code else} branch of {@code isSetup()}: the
 * daemon runs the block too, but it is no set-up. Clean up what the launcher opened
 * inside the {@code isParent()} branch: the launcher exits with status 0 when the block
 * ends. Java closes the resource before an exception leaves the block, so parent-only
 * code that can fail must catch its failure and call {@link #abort()}, which makes
 * leaving the block let the launcher go on (and report the failure itself). Code that
 * must decide itself how the launcher ends uses {@link Daemoniker#start} instead, which
 * leaves the end of the JVM to it.
 */
public final class Daemonizer implements AutoCloseable {

	private boolean parent;

	private boolean failed = true;

	/**
	 * Enters the daemonization block.
	 */
	public Daemonizer() {
	}

	/**
	 * Returns whether this is the launcher, before daemonization: set-up code goes here.
	 * @return {@code true} in the launcher, {@code false} in the daemon
	 */
	public boolean isSetup() {
		return !Daemoniker.isDaemon();
	}

	/**
	 * Daemonizes with the default options.
	 * @param pidFile the PID file
	 * @param args plain data to pass to the daemon
	 * @return whether this is the launcher, and the arguments ({@code null}s in the
	 * launcher)
	 * @see Daemoniker#daemonize(Path, DaemonizeOptions, Object...)
	 */
	public DaemonizeResult daemonize(Path pidFile, @Nullable Object... args) {
		return daemonize(pidFile, DaemonizeOptions.defaults(), args);
	}

	/**
	 * Daemonizes. Unlike {@link Daemoniker#daemonize}, returns in the launcher too, once
	 * the daemon confirmed its start-up, so that parent-only code can run.
	 * @param pidFile the PID file
	 * @param options the options
	 * @param args plain data to pass to the daemon
	 * @return whether this is the launcher, and the arguments ({@code null}s in the
	 * launcher)
	 * @throws AlreadyRunningException in the launcher, if a live daemon holds the PID
	 * file
	 * @throws StartupException in the launcher, if the daemon did not confirm its
	 * start-up
	 */
	public DaemonizeResult daemonize(Path pidFile, DaemonizeOptions options, @Nullable Object... args) {
		DaemonizeResult result = Daemoniker.start(pidFile, options, args);
		this.parent = result.isParent();
		this.failed = false;
		return result;
	}

	/**
	 * Leaves the block: ends the launcher with status 0 once the daemon started; does
	 * nothing in the daemon.
	 */
	@Override
	public void close() {
		if (this.parent && !this.failed && !Thread.currentThread().isInterrupted()) {
			Daemoniker.exitLauncher();
		}
	}

	/**
	 * Marks the block as failed, so that leaving it does not end the launcher. Called for
	 * you when {@code daemonize} throws; call it when parent-only code fails and the
	 * launcher should report the error itself.
	 */
	public void abort() {
		this.failed = true;
	}

}
