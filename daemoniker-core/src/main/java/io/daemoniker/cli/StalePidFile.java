/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * Removes the PID file that a daemon killed with {@code SIGKILL} could not remove itself,
 * and nothing else: only a regular file that still holds exactly that PID, that nobody
 * locks, and that is still the file at that path while the removal holds its lock. A
 * daemon that started in between has locked the file or replaced it, and keeps it.
 */
final class StalePidFile {

	private static final int MAX_LENGTH = 64;

	private StalePidFile() {
	}

	/**
	 * Removes a stale PID file of a process that is gone.
	 * @param pidFile the PID file
	 * @param pid the PID it must hold
	 * @return {@code true} if it was removed, {@code false} if it was left alone
	 * @throws IOException if it cannot be read or removed
	 */
	static boolean remove(Path pidFile, long pid) throws IOException {
		BasicFileAttributes before;
		try {
			before = Files.readAttributes(pidFile, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
		}
		catch (java.nio.file.NoSuchFileException ex) {
			return false;
		}
		if (!before.isRegularFile() || before.size() > MAX_LENGTH) {
			return false;
		}
		try (FileChannel channel = FileChannel.open(pidFile, StandardOpenOption.READ, StandardOpenOption.WRITE,
				LinkOption.NOFOLLOW_LINKS); FileLock lock = channel.tryLock()) {
			if (lock == null) {
				return false;
			}
			ByteBuffer buffer = ByteBuffer.allocate(MAX_LENGTH + 1);
			while (buffer.hasRemaining() && channel.read(buffer) > 0) {
				// Reads the whole (small) file.
			}
			String content = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII);
			if (!content.equals(pid + "\n") && !content.equals(Long.toString(pid))) {
				return false;
			}
			BasicFileAttributes now = Files.readAttributes(pidFile, BasicFileAttributes.class,
					LinkOption.NOFOLLOW_LINKS);
			if (!Objects.equals(now.fileKey(), before.fileKey())) {
				return false;
			}
			Files.delete(pidFile);
			return true;
		}
	}

}
