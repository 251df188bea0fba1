/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.pidfile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The text of a PID file: the PID in decimal and a line break, as init systems expect. On
 * Windows a second line records when that process started ({@code started} and the
 * instant), which tells it apart from a later process that was given the same PID.
 */
final class PidFileContent {

	private static final int MAX_LENGTH = 64;

	private static final String STARTED = "started ";

	private PidFileContent() {
	}

	static String format(long pid) {
		return pid + "\n";
	}

	static String format(long pid, Instant started) {
		return pid + "\n" + STARTED + started + "\n";
	}

	/**
	 * Parses the start instant from the second line, if there is one.
	 */
	static Optional<Instant> parseStarted(String text) {
		int lineBreak = text.indexOf('\n');
		int end = text.indexOf('\n', lineBreak + 1);
		if (lineBreak < 0 || end < 0 || !text.startsWith(STARTED, lineBreak + 1)) {
			return Optional.empty();
		}
		try {
			return Optional.of(Instant.parse(text.substring(lineBreak + 1 + STARTED.length(), end)));
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
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
