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

/**
 * What {@code stat(2)} says about a file on Unix: its identity (device and inode, which
 * two paths share exactly when they name one file, through hard links and symbolic links
 * alike), its type and its size. Read through Java's {@code unix} attribute view, which
 * costs no native code.
 *
 * @param device the device
 * @param inode the inode
 * @param kind the type
 * @param size the size in bytes
 */
public record FileStat(long device, long inode, FileKind kind, long size) {

	/**
	 * Stats a path.
	 * @param path the path
	 * @param options {@link LinkOption#NOFOLLOW_LINKS} to stat a symbolic link itself
	 * @return what it says
	 * @throws NoSuchFileException if nothing is there
	 * @throws IOException if it cannot be read
	 */
	public static FileStat of(Path path, LinkOption... options) throws IOException {
		Map<String, Object> attributes = Files.readAttributes(path, "unix:dev,ino,mode,size", options);
		return new FileStat(((Number) attributes.get("dev")).longValue(), ((Number) attributes.get("ino")).longValue(),
				FileKind.ofMode(((Number) attributes.get("mode")).intValue()),
				((Number) attributes.get("size")).longValue());
	}

	/**
	 * Stats a path, or tells that nothing is there.
	 * @param path the path
	 * @param options {@link LinkOption#NOFOLLOW_LINKS} to stat a symbolic link itself
	 * @return what it says, or empty when the path names nothing
	 * @throws IOException if it cannot be read
	 */
	public static Optional<FileStat> ofIfExists(Path path, LinkOption... options) throws IOException {
		try {
			return Optional.of(of(path, options));
		}
		catch (NoSuchFileException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Stats the file an open descriptor of this process refers to, as {@code fstat(2)}
	 * would: through {@code /proc/self/fd} on Linux and {@code /dev/fd} on the BSDs,
	 * whose entries lead to the open file itself, not to whatever its path names now.
	 * @param fd the descriptor
	 * @return what it says
	 * @throws IOException if it cannot be read
	 */
	public static FileStat ofDescriptor(int fd) throws IOException {
		String directory = (OperatingSystem.current() == OperatingSystem.LINUX) ? "/proc/self/fd/" : "/dev/fd/";
		return of(Path.of(directory + fd));
	}

	/**
	 * Returns whether a path, not followed if it is a symbolic link, names this very file
	 * now: the same device and inode, and the same type, so that an inode number given to
	 * a new file of another type does not pass for this one. What a file checked on its
	 * path or its descriptor is asked before it is trusted, so that one swapped in or
	 * removed since is seen.
	 * @param path the path
	 * @return {@code true} if the path names this file
	 * @throws IOException if the path cannot be inspected
	 */
	public boolean isNamedBy(Path path) throws IOException {
		Optional<FileStat> now = ofIfExists(path, LinkOption.NOFOLLOW_LINKS);
		return now.isPresent() && now.get().isSameFile(this) && now.get().kind() == this.kind;
	}

	/**
	 * Returns whether this and another are the same file.
	 * @param other the other
	 * @return {@code true} if device and inode agree
	 */
	public boolean isSameFile(FileStat other) {
		return this.device == other.device && this.inode == other.inode;
	}

}
