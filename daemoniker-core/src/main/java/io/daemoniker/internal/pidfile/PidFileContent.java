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
import java.util.regex.Pattern;

/**
 * The text of a PID file: the PID in decimal and a line break, as init systems expect. On
 * Windows a second line records when that process started ({@code started} and the
 * instant), which tells it apart from a later process that was given the same PID.
 */
final class PidFileContent {

	private static final int MAX_LENGTH = 64;

	private static final String STARTED = "started ";

	/**
	 * How much of a file is read to judge it: enough to tell a PID file from anything
	 * else and to quote the start of what else it holds.
	 */
	static final int SAMPLE_LENGTH = 256;

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

	/**
	 * Reads a file's first {@link #SAMPLE_LENGTH} bytes, or all of a shorter one.
	 * @param channel the file
	 * @return the bytes
	 * @throws IOException if it cannot be read
	 */
	static byte[] sample(FileChannel channel) throws IOException {
		ByteBuffer buffer = ByteBuffer.allocate(SAMPLE_LENGTH);
		long position = 0;
		int read;
		while (buffer.hasRemaining() && (read = channel.read(buffer, position)) > 0) {
			position += read;
		}
		byte[] bytes = new byte[buffer.position()];
		buffer.flip().get(bytes);
		return bytes;
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
		if (trimmed.isEmpty() || trimmed.length() > 19) {
			return Optional.empty();
		}
		for (int i = 0; i < trimmed.length(); i++) {
			if (!isAsciiDigit(trimmed.charAt(i))) {
				return Optional.empty();
			}
		}
		long pid = Long.parseLong(trimmed);
		return (pid > 0) ? Optional.of(pid) : Optional.empty();
	}

	private static boolean isAsciiDigit(int c) {
		return c >= '0' && c <= '9';
	}

	/**
	 * Returns whether an unlocked file may be taken over as a stale PID file: it is empty
	 * (a daemon died between creating and writing it) or holds one PID and a line break.
	 * @param sample the file's first bytes
	 * @param size the file's size
	 * @return {@code true} if it may be reclaimed
	 */
	static boolean isReclaimable(byte[] sample, long size) {
		if (size == 0) {
			return true;
		}
		if (size != sample.length || size > MAX_LENGTH) {
			return false;
		}
		String text = new String(sample, StandardCharsets.ISO_8859_1);
		return Reclaimable.PATTERN.matcher(text).matches() && parse(text).isPresent();
	}

	/**
	 * Describes, for a message, what a file holds that is not a stale PID file.
	 * @param sample the file's first bytes
	 * @param size the file's size
	 * @return such as {@code 3000 bytes of text ("# Network services...")}
	 */
	static String describe(byte[] sample, long size) {
		String bytes = size + ((size == 1) ? " byte" : " bytes");
		String text = new String(sample, StandardCharsets.ISO_8859_1);
		boolean binary = text.chars()
			.anyMatch((c) -> c == 0 || c > 126 || (c < 32 && c != '\n' && c != '\r' && c != '\t'));
		if (binary) {
			return bytes + " of binary data";
		}
		String kind = parse(text).isPresent() ? "a PID followed by more" : "text";
		return bytes + " (" + kind + ": \"" + PidFileInspector.printable(text) + "\")";
	}

	/**
	 * Holds the pattern of a reclaimable file, compiled on first use: reading a running
	 * daemon's PID file never needs it, and the first pattern of a JVM costs it the start
	 * of the regular expression engine.
	 */
	private static final class Reclaimable {

		/**
		 * What a stale PID file holds when it may be reclaimed: one PID in ASCII digits
		 * and at most one line break, followed on Windows by the line that says when that
		 * process started. Anything else is somebody's file, which a mistyped path or
		 * swapped arguments must never overwrite.
		 */
		static final Pattern PATTERN = Pattern.compile("[0-9]{1,19}(\r?\n(" + STARTED + "[0-9TZ:.+-]{1,40}\r?\n)?)?");

		private Reclaimable() {
		}

	}

}
