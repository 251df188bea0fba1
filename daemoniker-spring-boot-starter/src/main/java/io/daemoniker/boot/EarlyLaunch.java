/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.boot;

import io.daemoniker.boot.autoconfigure.BeforeSpringLaunch;

/**
 * Starts the daemon from the application's {@code main} method, before Spring Boot
 * starts, so that the launcher does not set up {@code SpringApplication} (its listeners
 * and events) only to relaunch. When the starter's properties are given in their
 * documented forms ({@code --daemoniker.pid-file=...}, {@code -Ddaemoniker.pid-file=...},
 * {@code DAEMONIKER_PID_FILE}) with plain values, the launcher reads them without
 * Spring's environment and sets up no logging at all; in any other form it reads them as
 * Spring Boot does, which sets up Commons Logging and the application's logging library:
 *
 * <pre>
 * public static void main(String[] args) {
 *     EarlyLaunch.beforeSpring(MyApplication.class, args);
 *     SpringApplication.run(MyApplication.class, args);
 * }
 * </pre>
 *
 * Optional: without it, the starter starts the daemon at Spring Boot's first event, which
 * comes after Spring Boot's own start-up. It acts under the same conditions as the
 * starter does at that event: when the command line, a system property or an environment
 * variable names {@code daemoniker.pid-file}, and no configuration file can set the
 * starter's properties. The launcher then starts the daemon, waits until the daemon's
 * application context is ready or has failed, prints the same line, and ends the JVM with
 * status 0 or 1, as it does without this call; a bad property is refused in one line
 * before anything starts. Otherwise (in the daemon, in the foreground, when a
 * configuration file may set the starter's properties) it returns at once, and the
 * starter acts at Spring Boot's events as it does without this call.
 */
public final class EarlyLaunch {

	private EarlyLaunch() {
	}

	/**
	 * Starts the daemon and ends this JVM if it is a launcher that knows all it needs
	 * already; returns otherwise.
	 * @param application the application's main class, whose class loader finds its
	 * configuration files
	 * @param args the application's arguments, as {@code main} received them
	 */
	public static void beforeSpring(Class<?> application, String... args) {
		BeforeSpringLaunch.launchIfKnown(args, application.getClassLoader());
	}

}
