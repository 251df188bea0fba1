/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.launch.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;

import io.daemoniker.internal.platform.DirectoryTrust;
import io.daemoniker.internal.platform.Privileges;

/**
 * Decides whether a start-up cache may be kept in a directory, and whether a file in its
 * place is its own: a daemon's JVM maps the file into its memory, so it must come from
 * this user alone, in a directory that no other user can replace (the rules of
 * {@link DirectoryTrust}).
 */
final class CacheTrust {

	private CacheTrust() {
	}

	/**
	 * Returns why a file in the cache's place is not the cache's: it is left alone.
	 */
	static Optional<String> foreign(Path file) {
		try {
			PosixFileAttributes attributes = Files.readAttributes(file, PosixFileAttributes.class,
					LinkOption.NOFOLLOW_LINKS);
			String user = System.getProperty("user.name");
			if (!attributes.isRegularFile()) {
				return Optional.of(file + " is not a regular file; remove it to have the cache made again");
			}
			if (!attributes.owner().getName().equals(user)) {
				return Optional.of(file + " belongs to " + attributes.owner().getName() + ", not to " + user
						+ "; remove it to have the cache made again");
			}
			return Optional.empty();
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Returns why the cache may not be kept in this directory: only a directory of this
	 * user's that no one else can write in keeps a file that the daemon's JVM maps into
	 * its memory.
	 */
	static Optional<String> refusal(Path directory) {
		try {
			PosixFileAttributes attributes = Files.readAttributes(directory, PosixFileAttributes.class);
			if (!attributes.isDirectory()) {
				return Optional.of(directory + " is not a directory");
			}
			String user = System.getProperty("user.name");
			if (!attributes.owner().getName().equals(user)) {
				return Optional.of(directory + " belongs to " + attributes.owner().getName() + ", not to " + user);
			}
			if (attributes.permissions().contains(PosixFilePermission.GROUP_WRITE)
					|| attributes.permissions().contains(PosixFilePermission.OTHERS_WRITE)) {
				return Optional.of(directory + " can be written by others; name a directory of your own");
			}
			if (!Files.isWritable(directory)) {
				return Optional.of(directory + " cannot be written");
			}
			// Whoever can change a directory above could swap this one for theirs between
			// the check and the daemon's start. A symbolic link to it (/var/run to /run)
			// is fine: the way that counts is the one to the real directory.
			Path parent = directory.toRealPath().getParent();
			if (parent != null) {
				Optional<String> above = DirectoryTrust.whoCanChange(parent, Privileges.effectiveUid());
				if (above.isPresent()) {
					return Optional
						.of(above.get() + "; keep the cache below directories that only you or root can change");
				}
			}
			return Optional.empty();
		}
		catch (UnsupportedOperationException ex) {
			return Optional.of("no POSIX file attributes for " + directory);
		}
		catch (IOException ex) {
			return Optional.of("cannot read " + directory + ": " + ex.getMessage());
		}
	}

}
