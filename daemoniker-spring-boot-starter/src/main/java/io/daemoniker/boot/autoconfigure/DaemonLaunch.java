/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.boot.autoconfigure;

import java.nio.file.Path;
import java.util.Objects;

import io.daemoniker.DaemonikerException;
import io.daemoniker.DaemonizeOptions;
import io.daemoniker.DaemonizeResult;
import io.daemoniker.Daemonizer;
import io.daemoniker.RunMode;
import io.daemoniker.systemd.Supervision;

/**
 * The launcher's part: starts the daemon from the starter's properties, prints its one
 * line, and ends this JVM. Shared by the listener and by the launch before Spring starts
 * (see {@link BeforeSpringLaunch}); it uses no class of Spring's, so that the early
 * launch sets up neither Spring's environment nor logging.
 */
final class DaemonLaunch {

	private DaemonLaunch() {
	}

	/**
	 * Whether an application of this JVM has acted on the starter's properties already,
	 * or this is a GraalVM native image, where the listener refuses them.
	 * @return whether the launcher must leave this JVM alone
	 */
	static boolean handledOrNativeImage() {
		return System.getProperty(DaemonizingApplicationListener.HANDLED_PROPERTY) != null
				|| System.getProperty(DaemonizingApplicationListener.NATIVE_IMAGE_PROPERTY) != null;
	}

	/**
	 * Starts the daemon and ends this JVM, unless the application runs in the foreground
	 * or this JVM started a daemon already; a bad property ends it with one line.
	 * @param properties the starter's properties
	 */
	static void launchUnlessForeground(DaemonikerProperties properties) {
		if (properties.getMode().isForeground(Supervision.detect()) || System.getProperties()
			.putIfAbsent(DaemonizingApplicationListener.HANDLED_PROPERTY, "true") != null) {
			return;
		}
		DaemonizeOptions options;
		try {
			options = options(properties, RunMode.DAEMON);
		}
		catch (IllegalStateException ex) {
			exitWith(ex.getMessage());
			return;
		}
		launch(pidFile(properties), options);
	}

	/**
	 * Starts the daemon and ends this JVM: it is only the launcher, and has done its work
	 * once the daemon is ready or has failed.
	 * @param pidFile the daemon's PID file
	 * @param options the daemon's options
	 */
	static void launch(Path pidFile, DaemonizeOptions options) {
		try (Daemonizer daemonizer = new Daemonizer()) {
			DaemonizeResult result = daemonizer.daemonize(pidFile, options);
			System.out.println("Started daemon: pid " + result.pid() + ", PID file " + pidFile);
		}
		catch (DaemonikerException | IllegalArgumentException | IllegalStateException ex) {
			System.err.println(
					ex.getMessage().startsWith("daemoniker: ") ? ex.getMessage() : "daemoniker: " + ex.getMessage());
			System.err.flush();
			System.exit(1);
		}
		// Only reached if the launcher was interrupted while it waited.
		System.exit(1);
	}

	/**
	 * Ends the launcher with status 1 after one line on standard error.
	 * @param message the line
	 */
	static void exitWith(String message) {
		System.out.flush();
		System.err.println(message);
		System.err.flush();
		System.exit(1);
	}

	/**
	 * Returns the core's options, or fails naming the property whose value the core or
	 * the starter refused.
	 * @param properties the starter's properties
	 * @param mode {@link RunMode#DAEMON} or {@link RunMode#FOREGROUND}
	 * @return the options
	 */
	static DaemonizeOptions options(DaemonikerProperties properties, RunMode mode) {
		try {
			return DaemonizeOptionsMapper.toOptions(properties, mode);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("daemoniker: invalid configuration: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Returns the configured PID file, made absolute.
	 * @param properties the starter's properties, with the PID file set
	 * @return the PID file
	 */
	static Path pidFile(DaemonikerProperties properties) {
		return PidFileLocation.resolve(Objects.requireNonNull(properties.getPidFile(), "daemoniker.pid-file"));
	}

}
