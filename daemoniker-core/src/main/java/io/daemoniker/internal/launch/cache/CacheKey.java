/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.launch.cache;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import io.daemoniker.internal.launch.DaemonProperties;

/**
 * Names a start-up cache after what makes it usable, so that another JVM, another jar or
 * another application never finds one that is not its own.
 */
final class CacheKey {

	private CacheKey() {
	}

	/**
	 * Returns a digest of what makes an archive usable: the JVM, the daemon's JVM options
	 * and the files of the class path, with those named by a jar's {@code Class-Path}.
	 */
	static String of(List<String> jvmOptions) {
		List<String> parts = new ArrayList<>();
		parts.add(System.getProperty("java.home"));
		parts.add(System.getProperty("java.vm.version"));
		parts.add(System.getProperty("java.vm.vendor"));
		for (String option : jvmOptions) {
			// The marker differs on every start, and the launch directory is not the
			// JVM's business.
			if (!option.startsWith(DaemonProperties.MARKER_OPTION_PREFIX)
					&& !option.startsWith("-D" + DaemonProperties.LAUNCH_DIRECTORY_PROPERTY + "=")) {
				parts.add(option);
			}
		}
		classPathFiles().forEach((path) -> parts.add(stamp(path)));
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (String part : parts) {
				digest.update(part.getBytes(StandardCharsets.UTF_8));
				digest.update((byte) 0);
			}
			return HexFormat.of().formatHex(digest.digest(), 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

	/**
	 * Returns the files of this JVM's class path, which the daemon shares, with those
	 * that a jar's {@code Class-Path} names.
	 */
	static List<Path> classPathFiles() {
		List<Path> files = new ArrayList<>();
		for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
			if (!entry.isEmpty()) {
				Path path = Path.of(entry).toAbsolutePath();
				files.add(path);
				files.addAll(manifestClassPath(path));
			}
		}
		return files;
	}

	private static String stamp(Path path) {
		try {
			BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
			return path + " " + attributes.size() + " " + attributes.lastModifiedTime().toMillis();
		}
		catch (IOException ex) {
			return path + " absent";
		}
	}

	private static List<Path> manifestClassPath(Path path) {
		List<Path> named = new ArrayList<>();
		if (!Files.isRegularFile(path)) {
			return named;
		}
		try (JarFile jar = new JarFile(path.toFile())) {
			Manifest manifest = jar.getManifest();
			String classPath = (manifest != null) ? manifest.getMainAttributes().getValue("Class-Path") : null;
			if (classPath != null) {
				for (String entry : classPath.trim().split("\\s+")) {
					if (!entry.isEmpty() && !entry.contains(":")) {
						named.add(path.resolveSibling(entry));
					}
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// Not a jar: the JVM cannot archive its classes either.
		}
		return named;
	}

}
