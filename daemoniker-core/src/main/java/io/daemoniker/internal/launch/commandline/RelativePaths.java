/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.launch.commandline;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Makes paths absolute against a directory, as text. Paths are never parsed as
 * {@link java.nio.file.Path}: class path entries such as {@code lib\*} hold characters
 * that Windows forbids in file names, so only the directory part is made absolute and the
 * rest is kept as it was written. Both flavours are available on every system, so that
 * the Windows rules are tested where the tests run.
 */
final class RelativePaths {

	private static final Pattern WINDOWS_DRIVE_ABSOLUTE = Pattern.compile("^[A-Za-z]:[\\\\/].*");

	private static final Pattern WINDOWS_DRIVE_RELATIVE = Pattern.compile("^[A-Za-z]:.*");

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
		if (this.windows && WINDOWS_DRIVE_RELATIVE.matcher(path).matches()) {
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
		for (String entry : paths.split(Pattern.quote(listSeparator()), -1)) {
			entries.add(absolute(entry));
		}
		return String.join(listSeparator(), entries);
	}

	private boolean isAbsolute(String path) {
		if (!this.windows) {
			return path.startsWith("/");
		}
		return path.startsWith("\\\\") || path.startsWith("//") || WINDOWS_DRIVE_ABSOLUTE.matcher(path).matches();
	}

}
