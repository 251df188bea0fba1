/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.launch.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Where the daemon's standard output and error go when no file is given for them: a file
 * beside the PID file, named after it with {@code .out} for {@code .pid}
 * ({@code /run/app/app.pid} gives {@code /run/app/app.out}), and appended to. Not the
 * null device: thread dumps, the JVM's warnings and its crash reports go there.
 */
final class DefaultOutput {

	private DefaultOutput() {
	}

	/**
	 * Returns the default output file for a PID file.
	 * @param pidFile the absolute PID file
	 * @return the file beside it
	 */
	static Path beside(Path pidFile) {
		String name = String.valueOf(pidFile.getFileName());
		String base = name.endsWith(".pid") && name.length() > 4 ? name.substring(0, name.length() - 4) : name;
		return pidFile.resolveSibling(base + ".out");
	}

	/**
	 * Returns the line that tells the user which streams went to the default file, or
	 * nothing if both were given.
	 * @param stdout the file given for standard output, or {@code null}
	 * @param stderr the file given for standard error, or {@code null}
	 * @param file the default file
	 * @return the line
	 */
	static Optional<String> note(@Nullable Path stdout, @Nullable Path stderr, Path file) {
		List<String> streams = new ArrayList<>();
		if (stdout == null) {
			streams.add("output");
		}
		if (stderr == null) {
			streams.add("error");
		}
		if (streams.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of("the daemon's standard " + String.join(" and ", streams)
				+ ((streams.size() > 1) ? " are" : " is") + " appended to " + file);
	}

}
