/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.sentinel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command of a sentinel that is a small JVM running {@link SentinelMain}, for systems
 * without a smaller program that waits for the end of its input. The class is copied to a
 * directory of its own, so that the sentinel does not depend on how the application is
 * packaged (a nested jar cannot be put on a class path). The options keep the JVM as
 * small as it gets: interpreter only (it runs no code worth compiling), the serial
 * collector, a tiny heap and thread stack, and no performance-data file.
 */
public final class JvmSentinel {

	/** The JVM options of the sentinel. */
	public static final List<String> OPTIONS = List.of("-Xint", "-XX:+UseSerialGC", "-Xms1m", "-Xmx4m", "-Xss256k",
			"-XX:-UsePerfData", "-XX:MaxMetaspaceSize=8m", "-Xshare:auto");

	private static final String CLASS_FILE = SentinelMain.class.getName().replace('.', '/') + ".class";

	private JvmSentinel() {
	}

	/**
	 * Returns a starter of these sentinels.
	 * @param java the Java launcher to run them with
	 * @return the starter
	 */
	public static SentinelStarter starter(Path java) {
		return new ProcessSentinelStarter(command(java), true);
	}

	/**
	 * Returns the sentinel's command, copying its class file on first use.
	 * @param java the Java launcher to run it with
	 * @return the command
	 * @throws UncheckedIOException if the class file cannot be copied
	 */
	public static List<String> command(Path java) {
		List<String> command = new ArrayList<>();
		command.add(java.toString());
		command.addAll(OPTIONS);
		command.add("-cp");
		command.add(ClassDirectory.PATH.toString());
		command.add(SentinelMain.class.getName());
		return command;
	}

	/**
	 * The directory with the copied class file, removed when the JVM exits.
	 */
	private static final class ClassDirectory {

		static final Path PATH = copy();

		private static Path copy() {
			try (InputStream in = SentinelMain.class.getClassLoader().getResourceAsStream(CLASS_FILE)) {
				if (in == null) {
					throw new IOException(CLASS_FILE + " is not on the class path");
				}
				Path directory = Files.createTempDirectory("daemoniker-sentinel");
				Path file = directory.resolve(CLASS_FILE);
				Files.createDirectories(file.getParent());
				Files.copy(in, file);
				// Removed in the reverse order of registration: the directory last.
				List<Path> created = new ArrayList<>();
				for (Path path = file; path != null && path.startsWith(directory); path = path.getParent()) {
					created.add(0, path);
				}
				created.forEach((path) -> path.toFile().deleteOnExit());
				return directory;
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot prepare the signal sentinel: " + ex.getMessage(), ex);
			}
		}

	}

}
