/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.pidfile;

import java.io.IOException;
import java.nio.ByteBuffer;
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

/**
 * What is at a PID file's path, read without harm: a file that is not regular is named by
 * its type and never read (a FIFO would block the reader forever), and on Unix the file
 * is opened without blocking and checked on its descriptor, so that one swapped in after
 * the check is seen too.
 *
 * @param kind the type of what is at the path
 * @param sample the first bytes of a regular file, else empty
 * @param size the size of a regular file, else {@code 0}
 */
record PidFileSnapshot(FileKind kind, byte[] sample, long size) {

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
		try (UnixFile file = UnixFile.openExisting(path, false)) {
			FileStat opened = file.stat();
			if (opened.kind() != FileKind.REGULAR) {
				return of(opened.kind());
			}
			return new PidFileSnapshot(FileKind.REGULAR, file.read(PidFileContent.SAMPLE_LENGTH), opened.size());
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
			ByteBuffer buffer = ByteBuffer.allocate(PidFileContent.SAMPLE_LENGTH);
			while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) > 0) {
				// Until the sample is full or the file ends.
			}
			byte[] sample = new byte[buffer.position()];
			buffer.flip().get(sample);
			return new PidFileSnapshot(FileKind.REGULAR, sample, channel.size());
		}
	}

	private static PidFileSnapshot of(FileKind kind) {
		return new PidFileSnapshot(kind, new byte[0], 0);
	}

	String text() {
		return new String(this.sample, StandardCharsets.ISO_8859_1);
	}

}
