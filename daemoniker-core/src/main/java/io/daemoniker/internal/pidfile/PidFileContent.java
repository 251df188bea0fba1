/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.pidfile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The text of a PID file: the PID in decimal and a line break, as init systems expect.
 */
final class PidFileContent {

	private static final int MAX_LENGTH = 64;

	private PidFileContent() {
	}

	static String format(long pid) {
		return pid + "\n";
	}

	static String readText(FileChannel channel) throws IOException {
		ByteBuffer buffer = ByteBuffer.allocate(MAX_LENGTH + 1);
		long position = 0;
		int read;
		while (buffer.hasRemaining() && (read = channel.read(buffer, position)) > 0) {
			position += read;
		}
		buffer.flip();
		return StandardCharsets.US_ASCII.decode(buffer).toString();
	}

	static Optional<Long> read(FileChannel channel) throws IOException {
		return parse(readText(channel));
	}

	/**
	 * Parses the first line: while a shorter PID replaces a longer one, the end of the
	 * old one may follow for an instant.
	 */
	static Optional<Long> parse(String text) {
		int lineBreak = text.indexOf('\n');
		String trimmed = ((lineBreak >= 0) ? text.substring(0, lineBreak) : text).trim();
		if (trimmed.isEmpty() || trimmed.length() > 19 || !trimmed.chars().allMatch(Character::isDigit)) {
			return Optional.empty();
		}
		long pid = Long.parseLong(trimmed);
		return (pid > 0) ? Optional.of(pid) : Optional.empty();
	}

}
