/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.launch;

/**
 * The system properties that the launcher puts on the daemon's command line, which the
 * daemon, the start-up cache, the command-line rebuild and the CLI's {@code restart}
 * recognise it by.
 */
public final class DaemonProperties {

	/** The system property whose presence tells a JVM that it is the daemon. */
	public static final String MARKER_PROPERTY = "daemoniker.daemon";

	/** The option that sets {@link #MARKER_PROPERTY}, without its value. */
	public static final String MARKER_OPTION_PREFIX = "-D" + MARKER_PROPERTY + "=";

	/**
	 * The system property that records, on the daemon's command line, the launcher's
	 * working directory: the daemon changes directory, and {@code restart} needs the
	 * directory that the command line's relative application arguments mean.
	 */
	public static final String LAUNCH_DIRECTORY_PROPERTY = "daemoniker.launch-directory";

	private DaemonProperties() {
	}

}
