/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.distribution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A distribution archive of this build, unpacked for real with {@code tar} or
 * {@code unzip} into a directory of the test's, as a person installs it.
 */
final class Installation {

	static final String VERSION = System.getProperty("daemoniker.version");

	private static final Path BUILD = Path.of(System.getProperty("distribution.directory"));

	private static final String NAME = System.getProperty("distribution.name");

	private Installation() {
	}

	/**
	 * Returns an archive that the build made.
	 * @param extension {@code tar.gz} or {@code zip}
	 * @return the archive's path
	 */
	static Path archive(String extension) {
		return BUILD.resolve(NAME + "-bin." + extension);
	}

	/**
	 * Unpacks an archive with the system's own tool.
	 * @param extension {@code tar.gz} or {@code zip}
	 * @param into the directory to unpack into
	 * @return the installation's directory, {@code daemoniker-VERSION}
	 */
	static Path unpack(String extension, Path into) {
		Path archive = archive(extension);
		List<String> command = extension.equals("zip") ? List.of("unzip", "-q", archive.toString())
				: List.of("tar", "-xzf", archive.toString());
		try {
			Process process = new ProcessBuilder(command).directory(into.toFile()).inheritIO().start();
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				process.destroyForcibly();
				throw new AssertionError("could not unpack " + archive + " with " + command);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		Path home = into.resolve("daemoniker-" + VERSION);
		if (!Files.isDirectory(home)) {
			throw new AssertionError(archive + " did not unpack into " + home);
		}
		return home;
	}

}
