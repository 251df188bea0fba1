/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Everything in a directory tree that a test must find unchanged after a refusal: for
 * each entry (symbolic links not followed) its identity (device and inode), type, mode,
 * size and modification time, and a digest of a regular file's content, a link's target
 * or a device's number. The files of the fixture's own children ({@code child-*}) are
 * left out.
 *
 * @param entries each entry's description by relative path
 */
public record DirectorySnapshot(Map<String, String> entries) {

	/**
	 * Takes a snapshot.
	 * @param directory the tree's root
	 * @return the snapshot
	 */
	public static DirectorySnapshot of(Path directory) {
		Map<String, String> entries = new TreeMap<>();
		try (Stream<Path> walk = Files.walk(directory)) {
			for (Path path : (Iterable<Path>) walk::iterator) {
				String name = directory.relativize(path).toString();
				if (!name.startsWith("child-")) {
					entries.put(name, describe(path));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new DirectorySnapshot(entries);
	}

	private static String describe(Path path) throws IOException {
		Map<String, Object> attributes = Files.readAttributes(path,
				"unix:dev,ino,mode,size,lastModifiedTime,rdev,nlink", LinkOption.NOFOLLOW_LINKS);
		String base = "dev=" + attributes.get("dev") + " ino=" + attributes.get("ino") + " mode="
				+ Integer.toOctalString((Integer) attributes.get("mode")) + " size=" + attributes.get("size")
				+ " mtime=" + attributes.get("lastModifiedTime") + " rdev=" + attributes.get("rdev") + " nlink="
				+ attributes.get("nlink");
		if (Files.isSymbolicLink(path)) {
			return base + " -> " + Files.readSymbolicLink(path);
		}
		if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
			return base + " sha256=" + sha256(Files.readAllBytes(path));
		}
		return base;
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
