/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.launch.daemon;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import io.daemoniker.internal.platform.CurrentProcess;

/**
 * Keeps the stack trace of a daemon that failed to start in its error log, so that the
 * launcher can print the cause in one line and say where the trace is. Only a regular
 * file is written, or created, and never the PID file: a failed start harms nothing.
 */
final class FailureTrace {

	private FailureTrace() {
	}

	/**
	 * Appends a failure and its stack trace to the daemon's error log.
	 * @param log the daemon's standard error target
	 * @param pidFile the daemon's PID file, which is never written
	 * @param failure the failure
	 * @return whether the trace was written
	 */
	static boolean append(Path log, Path pidFile, Throwable failure) {
		try {
			boolean exists = Files.exists(log, LinkOption.NOFOLLOW_LINKS);
			if (exists && (!Files.isRegularFile(log, LinkOption.NOFOLLOW_LINKS) || isSameFile(log, pidFile))) {
				return false;
			}
			StandardOpenOption create = exists ? StandardOpenOption.APPEND : StandardOpenOption.CREATE_NEW;
			try (OutputStream file = Files.newOutputStream(log, create, StandardOpenOption.WRITE,
					StandardOpenOption.APPEND, LinkOption.NOFOLLOW_LINKS);
					PrintStream out = new PrintStream(file, true, Charset.defaultCharset())) {
				out.println("daemoniker: the daemon (pid " + CurrentProcess.pid() + ") failed to start: "
						+ failure.getMessage());
				failure.printStackTrace(out);
			}
			return true;
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
	}

	private static boolean isSameFile(Path a, Path b) throws IOException {
		return Files.exists(b, LinkOption.NOFOLLOW_LINKS) && Files.isSameFile(a, b);
	}

}
