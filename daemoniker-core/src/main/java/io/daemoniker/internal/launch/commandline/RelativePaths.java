/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.launch.commandline;

import java.util.ArrayList;
import java.util.List;

/**
 * Makes paths absolute against a directory, as text. Paths are never parsed as
 * {@link java.nio.file.Path}: class path entries such as {@code lib\*} hold characters
 * that Windows forbids in file names, so only the directory part is made absolute and the
 * rest is kept as it was written. Both flavours are available on every system, so that
 * the Windows rules are tested where the tests run.
 */
final class RelativePaths {

	private final String directory;

	private final boolean windows;

	/**
	 * Creates a resolver.
	 * @param directory the absolute directory that relative paths were given against
	 * @param windows whether paths follow Windows rules
	 */
	RelativePaths(String directory, boolean windows) {
		this.directory = directory;
		this.windows = windows;
	}

	/**
	 * Returns the separator of path lists: {@code ;} on Windows, {@code :} elsewhere.
	 * @return the separator
	 */
	String listSeparator() {
		return this.windows ? ";" : ":";
	}

	/**
	 * Returns a path made absolute; an empty path stands for the directory itself.
	 * @param path the path as given
	 * @return the absolute path
	 */
	String absolute(String path) {
		if (path.isEmpty()) {
			return this.directory;
		}
		if (isAbsolute(path)) {
			return path;
		}
		if (this.windows && (path.startsWith("\\") || path.startsWith("/"))) {
			// Rooted on the current drive: the directory's drive.
			return this.directory.substring(0, Math.min(2, this.directory.length())) + path;
		}
		if (this.windows && hasDrive(path)) {
			// Relative to the current directory of another drive, which a child
			// process cannot know: left as it was.
			return path;
		}
		String separator = this.windows ? "\\" : "/";
		boolean endsWithSeparator = this.directory.endsWith("/") || (this.windows && this.directory.endsWith("\\"));
		return this.directory + (endsWithSeparator ? "" : separator) + path;
	}

	/**
	 * Returns a path list with every entry made absolute; an empty entry stands for the
	 * directory, as it does in a class path.
	 * @param paths the entries, separated by the list separator
	 * @return the absolute entries, in the same order
	 */
	String absoluteList(String paths) {
		List<String> entries = new ArrayList<>();
		// Neither separator is special to a regular expression, so String.split takes it
		// as a plain character and starts no regular expression engine.
		for (String entry : paths.split(listSeparator(), -1)) {
			entries.add(absolute(entry));
		}
		return String.join(listSeparator(), entries);
	}

	private boolean isAbsolute(String path) {
		if (!this.windows) {
			return path.startsWith("/");
		}
		return path.startsWith("\\\\") || path.startsWith("//")
				|| (hasDrive(path) && path.length() > 2 && (path.charAt(2) == '\\' || path.charAt(2) == '/'));
	}

	/**
	 * Returns whether a path starts with a drive letter and a colon, such as {@code C:};
	 * tested by hand, not by a regular expression, whose first use would start the
	 * launcher's engine for it.
	 */
	private static boolean hasDrive(String path) {
		if (path.length() < 2 || path.charAt(1) != ':') {
			return false;
		}
		char letter = path.charAt(0);
		return (letter >= 'A' && letter <= 'Z') || (letter >= 'a' && letter <= 'z');
	}

}
