/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.platform;

/**
 * The type of a file, from the {@code S_IFMT} bits of its mode (the same on Linux and the
 * BSDs).
 */
public enum FileKind {

	/** A regular file. */
	REGULAR("a regular file"),

	/** A directory. */
	DIRECTORY("a directory"),

	/** A symbolic link. */
	SYMBOLIC_LINK("a symbolic link"),

	/** A FIFO (named pipe). */
	FIFO("a FIFO (named pipe)"),

	/** A character device, such as {@code /dev/null}. */
	CHARACTER_DEVICE("a character device"),

	/** A block device. */
	BLOCK_DEVICE("a block device"),

	/** A Unix domain socket. */
	SOCKET("a socket"),

	/** Any other type. */
	OTHER("a special file");

	private final String description;

	FileKind(String description) {
		this.description = description;
	}

	/**
	 * Returns the kind's name as a sentence uses it.
	 * @return such as "a FIFO (named pipe)"
	 */
	public String description() {
		return this.description;
	}

	static FileKind ofMode(int mode) {
		return switch (mode & 0170000) {
			case 0100000 -> REGULAR;
			case 0040000 -> DIRECTORY;
			case 0120000 -> SYMBOLIC_LINK;
			case 0010000 -> FIFO;
			case 0020000 -> CHARACTER_DEVICE;
			case 0060000 -> BLOCK_DEVICE;
			case 0140000 -> SOCKET;
			default -> OTHER;
		};
	}

}
