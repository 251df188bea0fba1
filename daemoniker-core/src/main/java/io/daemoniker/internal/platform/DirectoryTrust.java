/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Decides whether other users can put something of theirs where this process will read
 * code or trust data: the start-up cache, the copy of JNA's native library, the private
 * directory of a start. All of them judge a directory by the same rules, in pure Java,
 * without following symbolic links:
 * <ul>
 * <li>a directory is <em>private</em> when it is a real directory of this user's that no
 * one else can read, write or search;</li>
 * <li>other users <em>cannot change</em> a directory when it and every directory above it
 * is a real directory owned by this user or by root, and writable by no one else unless
 * it is sticky (as {@code /tmp} is), where others cannot rename or remove what is not
 * theirs. Without that, another user could rename a directory away, even one that is this
 * user's alone, and put one of their own in its place.</li>
 * </ul>
 */
public final class DirectoryTrust {

	private static final int GROUP_OR_OTHER_WRITE = 0022;

	private static final int GROUP_OR_OTHER_ANY = 0077;

	private static final int STICKY = 01000;

	private static final int TYPE_MASK = 0170000;

	private static final int DIRECTORY = 0040000;

	private static final int REGULAR_FILE = 0100000;

	private DirectoryTrust() {
	}

	/**
	 * Returns this process's effective user ID without native code: on Linux from
	 * {@code /proc/self/status}.
	 * @return the user ID, or empty where it cannot be had that way
	 */
	public static OptionalLong effectiveUid() {
		// Real, effective, saved and file system user IDs, in that order.
		String[] ids = OwnStatus.words("Uid");
		if (ids.length > 1) {
			try {
				return OptionalLong.of(Long.parseLong(ids[1]));
			}
			catch (NumberFormatException ex) {
				// Not as the kernel writes it: the caller decides what to do without it.
			}
		}
		return OptionalLong.empty();
	}

	/**
	 * Returns whether a path is a real directory of this user's with no permission for
	 * anyone else.
	 * @param directory the directory
	 * @param uid this process's effective user ID
	 * @return whether it is private
	 * @throws IOException if it cannot be inspected
	 */
	public static boolean isPrivate(Path directory, long uid) throws IOException {
		Optional<Entry> entry = Entry.of(directory);
		return entry.isPresent() && entry.get().isDirectory() && entry.get().uid() == uid
				&& (entry.get().mode() & GROUP_OR_OTHER_ANY) == 0;
	}

	/**
	 * Returns whether a path is a regular file of this user's that no one else may write.
	 * @param file the file
	 * @param uid this process's effective user ID
	 * @return whether it is one
	 * @throws IOException if it cannot be inspected
	 */
	public static boolean isOwnFile(Path file, long uid) throws IOException {
		Optional<Entry> entry = Entry.of(file);
		return entry.isPresent() && (entry.get().mode() & TYPE_MASK) == REGULAR_FILE && entry.get().uid() == uid
				&& (entry.get().mode() & GROUP_OR_OTHER_WRITE) == 0;
	}

	/**
	 * Returns whether no other user can replace or add entries in a directory or in any
	 * directory above it.
	 * @param directory an absolute directory
	 * @param uid this process's effective user ID
	 * @return whether others cannot change it
	 * @throws IOException if a directory on the way cannot be inspected
	 */
	public static boolean othersCannotChange(Path directory, long uid) throws IOException {
		return whoCanChange(directory, uid).isEmpty();
	}

	/**
	 * Names the first directory, from this one up to the root, that is not a real
	 * directory owned by this user or root and closed to others' writes (or sticky).
	 * @param directory an absolute directory
	 * @param uid this process's effective user ID
	 * @return why others could change it, naming the directory, or empty if they cannot
	 * @throws IOException if a directory on the way cannot be inspected
	 */
	public static Optional<String> whoCanChange(Path directory, long uid) throws IOException {
		if (!directory.isAbsolute()) {
			return Optional.of(directory + " is not an absolute path");
		}
		for (Path above = directory; above != null; above = above.getParent()) {
			Optional<Entry> entry = Entry.of(above);
			if (entry.isEmpty() || !entry.get().isDirectory()) {
				return Optional.of(above + " is not a directory (or is a symbolic link)");
			}
			long owner = entry.get().uid();
			if (owner != uid && owner != 0) {
				return Optional.of(above + " belongs to uid " + owner + ", who could replace what is below it");
			}
			int mode = entry.get().mode();
			if ((mode & GROUP_OR_OTHER_WRITE) != 0 && (mode & STICKY) == 0) {
				return Optional.of(above + " can be written by others and is not sticky");
			}
		}
		return Optional.empty();
	}

	/**
	 * What {@code lstat} says about a path.
	 */
	private record Entry(long uid, int mode) {

		static Optional<Entry> of(Path path) throws IOException {
			Map<String, Object> values;
			try {
				values = Files.readAttributes(path, "unix:uid,mode", LinkOption.NOFOLLOW_LINKS);
			}
			catch (NoSuchFileException ex) {
				return Optional.empty();
			}
			return Optional.of(new Entry(((Number) values.get("uid")).longValue(), (Integer) values.get("mode")));
		}

		boolean isDirectory() {
			return (this.mode & TYPE_MASK) == DIRECTORY;
		}

	}

}
