/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.pidfile;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A PID file that is open and locked, in the way of one operating system family.
 */
interface HeldFile {

	/**
	 * Replaces the file's content, keeping the lock.
	 * @param content the new content
	 * @throws IOException if it cannot be written
	 */
	void replaceContent(byte[] content) throws IOException;

	/**
	 * Returns whether a path names the held file now.
	 * @param path the path
	 * @return {@code true} if it names this very file
	 */
	boolean isNamedBy(Path path);

	/**
	 * Returns whether a path names the held file, following symbolic links, as a log file
	 * opened at the path would.
	 * @param path the path
	 * @return {@code true} if opening it would open this file
	 */
	boolean isReachedThrough(Path path);

	/**
	 * Releases the lock and closes the file.
	 */
	void release();

}
