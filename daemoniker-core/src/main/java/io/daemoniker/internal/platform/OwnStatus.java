/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads this process's own fields from Linux's {@code /proc/self/status}, where the
 * kernel states them without any native call: the user IDs, the mask of ignored signals,
 * the process ID in each PID namespace. The file is read again on every call, because
 * some of its fields change while a process runs (the user IDs, once privileges are
 * dropped).
 */
final class OwnStatus {

	private static final Path STATUS = Path.of("/proc/self/status");

	private OwnStatus() {
	}

	/**
	 * Returns the value of one field: what follows its name and colon, without the blanks
	 * around it.
	 * @param name the field's name, such as {@code Uid}
	 * @return the value, or empty where the file or the field cannot be read, as on every
	 * system but Linux
	 */
	static Optional<String> field(String name) {
		if (OperatingSystem.current() != OperatingSystem.LINUX) {
			return Optional.empty();
		}
		String prefix = name + ":";
		try {
			for (String line : Files.readAllLines(STATUS, StandardCharsets.US_ASCII)) {
				if (line.startsWith(prefix)) {
					return Optional.of(line.substring(prefix.length()).trim());
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// Not readable as expected: the caller does without it.
		}
		return Optional.empty();
	}

	/**
	 * Returns the blank-separated words of one field, such as the four user IDs of
	 * {@code Uid}.
	 * @param name the field's name
	 * @return the words, none where the field cannot be read
	 */
	static String[] words(String name) {
		Optional<String> value = field(name);
		return value.isPresent() ? ProcLocks.fields(value.get()) : new String[0];
	}

}
