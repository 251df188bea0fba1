/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.pidfile;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

import io.daemoniker.internal.platform.FileStat;
import io.daemoniker.internal.platform.ProcLocks;
import io.daemoniker.internal.platform.UnixFile;

/**
 * A descriptor that this process inherited holding an exclusive {@code flock} lock that
 * it took itself before it became this JVM (util-linux {@code flock --no-fork}), used
 * without native code: Linux lists a descriptor's locks in {@code /proc/self/fdinfo}, and
 * {@code /proc/self/fd} reopens the very file that a descriptor has open. Opening and
 * closing such a reopened file leaves the lock alone: an {@code flock} lock belongs to
 * the open file description that took it, and only its last close, or the process's
 * death, releases it.
 */
final class InheritedDescriptor implements UnixHeldFile.LockedDescriptor {

	private static final Path FDINFO = Path.of("/proc/self/fdinfo");

	/**
	 * The descriptor that {@code flock} opens after the intermediate shell closed all of
	 * its own but the PID file's, looked at first.
	 */
	private static final int LIKELY = 3;

	private final Path path;

	private final int fd;

	private InheritedDescriptor(Path path, int fd) {
		this.path = path;
		this.fd = fd;
	}

	/**
	 * Finds the descriptor through which this process holds an exclusive {@code flock}
	 * lock that it took itself.
	 * @param path the PID file, for messages
	 * @return the descriptor, or empty when none holds such a lock
	 * @throws IOException if {@code /proc/self/fdinfo} cannot be read
	 */
	static Optional<InheritedDescriptor> find(Path path) throws IOException {
		if (ProcLocks.holdsOwnFlock(LIKELY)) {
			return Optional.of(new InheritedDescriptor(path, LIKELY));
		}
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(FDINFO)) {
			for (Path entry : entries) {
				int fd = Integer.parseInt(entry.getFileName().toString());
				if (fd > 2 && fd != LIKELY && ProcLocks.holdsOwnFlock(fd)) {
					return Optional.of(new InheritedDescriptor(path, fd));
				}
			}
		}
		return Optional.empty();
	}

	private Path reopened() {
		return Path.of("/proc/self/fd/" + this.fd);
	}

	/**
	 * Returns what {@code fstat} would say of the descriptor.
	 * @return its identity, type and size
	 * @throws IOException if it cannot be read
	 */
	FileStat stat() throws IOException {
		return FileStat.ofDescriptor(this.fd);
	}

	/**
	 * Reads the file from its start.
	 * @param max the most bytes to read
	 * @return the bytes
	 * @throws IOException if it cannot be read
	 */
	byte[] read(int max) throws IOException {
		try (RandomAccessFile file = new RandomAccessFile(reopened().toFile(), "r")) {
			byte[] buffer = new byte[max];
			int total = 0;
			int read;
			while (total < max && (read = file.read(buffer, total, max - total)) > 0) {
				total += read;
			}
			return Arrays.copyOf(buffer, total);
		}
	}

	/**
	 * Replaces the file's content: written over the old content, then cut to length, so
	 * that a reader never finds the file empty.
	 * @param content the new content
	 * @throws IOException if it cannot be written
	 */
	@Override
	public void replaceContent(byte[] content) throws IOException {
		try (RandomAccessFile file = new RandomAccessFile(reopened().toFile(), "rw")) {
			file.write(content);
			file.setLength(content.length);
		}
	}

	/**
	 * Closes the descriptor, which releases the lock. Java cannot close a descriptor it
	 * did not open, so this one call loads the native layer; it happens only when a
	 * daemon gives its PID file up before it exits.
	 */
	@Override
	public void close() {
		UnixFile.inherited(this.path, this.fd).close();
	}

}
