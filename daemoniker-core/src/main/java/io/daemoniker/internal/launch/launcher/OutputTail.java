/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.launch.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a starting daemon appended to its output files, for the launcher to show when the
 * start fails after the daemon had already redirected its standard streams: from then on,
 * nothing it prints reaches the launcher's pipes, and its cause (an
 * {@code OutOfMemoryError}, say) is only in those files.
 */
final class OutputTail {

	private static final int LINES = 10;

	private static final int MAX_BYTES = 64 * 1024;

	/** The size of each output file when the daemon was started. */
	private final Map<Path, Long> startSizes = new LinkedHashMap<>();

	private final Path stderr;

	private OutputTail(Path stderr) {
		this.stderr = stderr;
	}

	/**
	 * Notes the size of each output file, before the daemon starts.
	 * @param stdout the daemon's standard output target
	 * @param stderr the daemon's standard error target
	 * @return the tail to read after a failure
	 */
	static OutputTail before(Path stdout, Path stderr) {
		OutputTail tail = new OutputTail(stderr);
		tail.startSizes.put(stdout, sizeOf(stdout));
		tail.startSizes.putIfAbsent(stderr, sizeOf(stderr));
		return tail;
	}

	/**
	 * Says where the daemon's errors went if that is not a file, where the cause of a
	 * crash (such as an {@code OutOfMemoryError}) is lost.
	 * @return the note, or empty if standard error goes to a regular file
	 */
	Optional<String> discardedErrors() {
		if (Files.isRegularFile(this.stderr) || !Files.exists(this.stderr)) {
			return Optional.empty();
		}
		return Optional.of("its standard error went to " + this.stderr
				+ ", so what it printed there is lost; send it to a file (the stderr option, daemoniker.stderr in"
				+ " Spring Boot) to see why it failed");
	}

	private static long sizeOf(Path file) {
		try {
			return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) ? Files.size(file) : 0;
		}
		catch (IOException ex) {
			return 0;
		}
	}

	/**
	 * Describes the last lines that the daemon wrote to its output files since it was
	 * started, stack frames left out.
	 * @return the description, one indented line per output line, or empty if the daemon
	 * wrote nothing there
	 */
	Optional<String> describe() {
		List<String> parts = new ArrayList<>();
		for (Map.Entry<Path, Long> entry : this.startSizes.entrySet()) {
			List<String> lines = appended(entry.getKey(), entry.getValue());
			if (!lines.isEmpty()) {
				parts.add("its last output in " + entry.getKey() + ":\n    " + String.join("\n    ", lines));
			}
		}
		return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", parts));
	}

	private static List<String> appended(Path file, long startSize) {
		if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
			return List.of();
		}
		try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
			long size = Files.size(file);
			long from = (size < startSize) ? 0 : startSize;
			from = Math.max(from, size - MAX_BYTES);
			in.skipNBytes(from);
			String text = new String(in.readNBytes(MAX_BYTES), Charset.defaultCharset());
			Deque<String> lines = new ArrayDeque<>();
			for (String line : text.split("\n")) {
				if (!line.isBlank() && !line.startsWith("\tat ") && !line.startsWith("\t... ")) {
					lines.addLast(line.stripTrailing());
					if (lines.size() > LINES) {
						lines.removeFirst();
					}
				}
			}
			return List.copyOf(lines);
		}
		catch (IOException ex) {
			return List.of();
		}
	}

}
