/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.platform;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * Makes paths absolute the way the kernel resolves them, not by lexical normalisation:
 * {@code link/../x.pid}, where {@code link} points to {@code a/b}, names {@code a/x.pid}
 * for the kernel, while {@link Path#normalize()} would make it {@code x.pid}. The parent
 * directory is resolved through {@link Path#toRealPath}, which asks the file system; the
 * last component is kept as given, so that a symbolic link there is seen as one.
 */
public final class KernelPaths {

	private KernelPaths() {
	}

	/**
	 * Resolves a path against a directory and then as the kernel would.
	 * @param base the directory that a relative path is relative to
	 * @param path the path
	 * @return the absolute path, its parent resolved where it exists; otherwise the
	 * absolute path as given, which the kernel will refuse too
	 */
	public static Path resolve(Path base, Path path) {
		return resolve(base.resolve(path));
	}

	/**
	 * Resolves a path against the working directory and then as the kernel would.
	 * @param path the path
	 * @return the absolute path, its parent resolved where it exists
	 * @see #resolve(Path, Path)
	 */
	public static Path resolve(Path path) {
		Path absolute = path.toAbsolutePath();
		Path name = absolute.getFileName();
		Path parent = absolute.getParent();
		if (name == null || parent == null) {
			return absolute;
		}
		try {
			if (name.toString().equals(".") || name.toString().equals("..")) {
				// Not a name of a file in a directory: the whole path names a directory.
				return absolute.toRealPath();
			}
			return parent.toRealPath().resolve(name);
		}
		catch (IOException | SecurityException ex) {
			return absolute;
		}
	}

	/**
	 * Says, in one phrase for a message, why a directory cannot be used, from the failure
	 * of an operation on it or on a file in it.
	 * @param directory the directory
	 * @param failure the failure
	 * @return such as "permission denied on /srv/run"
	 */
	public static String whyUnusable(Path directory, IOException failure) {
		String reason = (failure instanceof FileSystemException fse && fse.getReason() != null) ? fse.getReason() : "";
		if (reason.contains("File name too long")) {
			return "the path is longer than this system allows";
		}
		if (failure instanceof AccessDeniedException) {
			return "permission denied on " + directory;
		}
		if (failure instanceof NotDirectoryException || reason.contains("Not a directory")) {
			return directory + " is not a directory";
		}
		if (failure instanceof NoSuchFileException) {
			return "directory " + directory + " does not exist";
		}
		return (reason.isEmpty() ? failure.getClass().getSimpleName() : reason) + " (" + directory + ")";
	}

}
