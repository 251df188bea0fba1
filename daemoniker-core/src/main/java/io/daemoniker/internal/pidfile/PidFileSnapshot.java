/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.pidfile;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import io.daemoniker.internal.platform.FileKind;
import io.daemoniker.internal.platform.FileStat;
import io.daemoniker.internal.platform.OperatingSystem;
import io.daemoniker.internal.platform.UnixFile;
import org.jspecify.annotations.Nullable;

/**
 * What is at a PID file's path, read without harm: a file that is not regular is named by
 * its type and never read (a FIFO would block the reader forever). On Linux the file is
 * read in pure Java as {@link GuardedRead} describes; on the other Unixes it is opened
 * without blocking and checked on its descriptor, so that one swapped in after the check
 * is seen too.
 *
 * @param kind the type of what is at the path
 * @param sample the first bytes of a regular file, else empty
 * @param size the size of a regular file, else {@code 0}
 * @param identity what {@code lstat} said about the regular file that was read, where the
 * read made sure that the bytes are that file's, else {@code null}
 */
record PidFileSnapshot(FileKind kind, byte[] sample, long size, @Nullable FileStat identity) {

	/**
	 * Reads what is at a path.
	 * @param path the path
	 * @return what is there
	 * @throws java.nio.file.NoSuchFileException if nothing is
	 * @throws IOException if it cannot be read
	 */
	static PidFileSnapshot read(Path path) throws IOException {
		if (OperatingSystem.current() == OperatingSystem.WINDOWS) {
			return readWithChannel(path);
		}
		FileStat link = FileStat.of(path, LinkOption.NOFOLLOW_LINKS);
		if (link.kind() != FileKind.REGULAR) {
			return of(link.kind());
		}
		if (OperatingSystem.current() == OperatingSystem.LINUX) {
			// Without JNA, whose load would cost status several JVM starts: the read is
			// guarded against a swap in other ways, and the lock's holder is found by the
			// checked file's device and inode.
			return GuardedRead.read(path, link);
		}
		try {
			return readByDescriptor(path);
		}
		catch (LinkageError ex) {
			// No native access here (JNA missing or unloadable): the type was checked on
			// the path just before, which leaves only a file swapped in this instant.
			return readWithChannel(path);
		}
	}

	private static PidFileSnapshot readByDescriptor(Path path) throws IOException {
		try (UnixFile file = UnixFile.openExisting(path, false)) {
			FileStat opened = file.stat();
			if (opened.kind() != FileKind.REGULAR) {
				return of(opened.kind());
			}
			return new PidFileSnapshot(FileKind.REGULAR, file.read(PidFileContent.SAMPLE_LENGTH), opened.size(), null);
		}
	}

	private static PidFileSnapshot readWithChannel(Path path) throws IOException {
		if (Files.isSymbolicLink(path)) {
			return of(FileKind.SYMBOLIC_LINK);
		}
		if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
			return of(FileKind.DIRECTORY);
		}
		try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
			return new PidFileSnapshot(FileKind.REGULAR, PidFileContent.sample(channel), channel.size(), null);
		}
	}

	private static PidFileSnapshot of(FileKind kind) {
		return new PidFileSnapshot(kind, new byte[0], 0, null);
	}

	String text() {
		return new String(this.sample, StandardCharsets.ISO_8859_1);
	}

}
