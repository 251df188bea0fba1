/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.launch.launcher;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes the launch request to the daemon's standard input on a thread of its own. A
 * request larger than the pipe's buffer blocks its writer until the daemon reads it,
 * which a daemon that hangs before {@code daemonize} never does: written here, the
 * request cannot keep the launcher from its success timeout. Once the daemon is stopped
 * and the pipe has no reader left, the write fails and the thread ends.
 */
final class RequestWriter {

	private RequestWriter() {
	}

	/**
	 * Starts writing, and closes the stream once the request is written.
	 * @param stdin the daemon's standard input
	 * @param request the encoded request
	 */
	static void start(OutputStream stdin, byte[] request) {
		Thread writer = new Thread(() -> write(stdin, request), "daemoniker-launch-request");
		writer.setDaemon(true);
		writer.start();
	}

	private static void write(OutputStream stdin, byte[] request) {
		try (stdin) {
			stdin.write(request);
		}
		catch (IOException ex) {
			// The daemon died or was stopped before reading its request: its output or
			// the launcher's wait says why.
		}
	}

}
