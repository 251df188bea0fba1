/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.launch.launcher;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

import io.daemoniker.StartupException;
import io.daemoniker.internal.platform.KernelPaths;
import org.jspecify.annotations.Nullable;

/**
 * The launcher's checks of the paths in a launch, made before anything is started: each
 * path resolved as the kernel will resolve it (see {@link KernelPaths}), and each refusal
 * one line that names the path, what is wrong and what to do.
 */
final class LaunchPaths {

	private LaunchPaths() {
	}

	/**
	 * Resolves the PID file and checks that its directory can hold it.
	 * @param workingDirectory the launcher's working directory
	 * @param pidFile the PID file as given
	 * @return the resolved PID file
	 */
	static Path pidFile(Path workingDirectory, Path pidFile) {
		Path resolved = KernelPaths.resolve(workingDirectory, pidFile);
		checkCreatable(resolved, "PID file");
		return resolved;
	}

	/**
	 * Resolves the daemon's working directory and checks that it is one.
	 * @param workingDirectory the launcher's working directory
	 * @param chdir the directory as given, or {@code null} for the launcher's
	 * @return the resolved directory
	 */
	static Path directory(Path workingDirectory, @Nullable Path chdir) {
		if (chdir == null) {
			return workingDirectory;
		}
		Path directory = KernelPaths.resolve(workingDirectory, chdir);
		Optional<BasicFileAttributes> attributes = attributes(directory, true);
		String problem = null;
		if (attributes.isEmpty()) {
			problem = "no such directory; create it or give an existing one";
		}
		else if (!attributes.get().isDirectory()) {
			problem = "it is " + (attributes.get().isRegularFile() ? "a regular file" : "a special file")
					+ ", not a directory; give a directory";
		}
		if (problem == null && !Files.isExecutable(directory)) {
			problem = "permission denied; run as a user who may enter it, or give another directory";
		}
		if (problem != null) {
			throw new StartupException("cannot start the daemon in " + directory + ": " + problem);
		}
		return directory;
	}

	/**
	 * Resolves a stream target and checks that it can be used.
	 * @param workingDirectory the launcher's working directory
	 * @param file the target as given
	 * @param stream {@code stdin}, {@code stdout} or {@code stderr}
	 * @return the resolved target
	 */
	static Path target(Path workingDirectory, Path file, String stream) {
		Path target = KernelPaths.resolve(workingDirectory, file);
		if (Files.isDirectory(target)) {
			throw new StartupException("cannot send the daemon's " + stream + " to " + target + ": it is a directory");
		}
		if (!"stdin".equals(stream)) {
			checkCreatable(target, stream + " target");
			if (Files.exists(target) && !Files.isWritable(target)) {
				throw new StartupException("cannot append the daemon's " + stream + " to " + target
						+ ": permission denied; make it writable or choose another file");
			}
		}
		else if (!Files.isReadable(target)) {
			throw new StartupException("cannot read the daemon's stdin from " + target + ": "
					+ (Files.exists(target) ? "permission denied; make it readable or give another file"
							: "no such file; give an existing readable file"));
		}
		return target;
	}

	/**
	 * Checks that a file can be created or opened where it is named: its directory exists
	 * and can be written to, and the path is not too long.
	 */
	private static void checkCreatable(Path file, String what) {
		String prefix = "cannot create the " + what + " " + file + ": ";
		Path parent = file.getParent();
		if (parent == null) {
			return;
		}
		Optional<BasicFileAttributes> directory;
		try {
			directory = Optional.of(Files.readAttributes(parent, BasicFileAttributes.class));
			Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
		}
		catch (NoSuchFileException ex) {
			directory = attributes(parent, false);
		}
		catch (IOException ex) {
			throw new StartupException(prefix + problem(parent, ex));
		}
		if (directory.isEmpty()) {
			throw new StartupException(prefix + "directory " + parent + " does not exist; create it first");
		}
		if (!directory.get().isDirectory()) {
			throw new StartupException(prefix + parent + " is not a directory");
		}
		if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.isWritable(parent)) {
			throw new StartupException(prefix + "permission denied on directory " + parent
					+ "; run as a user who may write there, or choose another directory");
		}
	}

	private static String problem(Path parent, IOException ex) {
		String reason = (ex instanceof FileSystemException fse && fse.getReason() != null) ? fse.getReason() : "";
		if (reason.contains("File name too long")) {
			return "the path is longer than this system allows; choose a shorter one";
		}
		if (ex instanceof AccessDeniedException) {
			return "permission denied on a directory on the way to " + parent
					+ "; run as a user who may enter it, or choose another directory";
		}
		if (reason.contains("Not a directory")) {
			return "a component of " + parent + " is not a directory";
		}
		return (reason.isEmpty() ? ex.toString() : reason) + " (" + parent + ")";
	}

	private static Optional<BasicFileAttributes> attributes(Path path, boolean fatal) {
		try {
			return Optional.of(Files.readAttributes(path, BasicFileAttributes.class));
		}
		catch (NoSuchFileException ex) {
			return Optional.empty();
		}
		catch (IOException ex) {
			if (!fatal && !(ex instanceof FileSystemException)) {
				return Optional.empty();
			}
			throw new StartupException("cannot use " + path + ": " + problem(path, ex));
		}
	}

}
