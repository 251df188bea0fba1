/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Finds the holder of a POSIX record lock in Linux's {@code /proc/locks}, which names the
 * locking process and the file's device and inode. Reading it needs no native code and
 * never opens the locked file (closing any descriptor of a file drops this process's own
 * locks on it).
 */
final class ProcLocks {

	private static final Path PROC_LOCKS = Path.of("/proc/locks");

	private ProcLocks() {
	}

	static OptionalLong holderOf(Path file) throws IOException {
		Map<String, Object> attributes = Files.readAttributes(file, "unix:dev,ino", LinkOption.NOFOLLOW_LINKS);
		long device = ((Number) attributes.get("dev")).longValue();
		long inode = ((Number) attributes.get("ino")).longValue();
		return holderOf(Files.readAllLines(PROC_LOCKS, StandardCharsets.US_ASCII), device, inode);
	}

	/**
	 * Picks the holder out of {@code /proc/locks} lines such as
	 * {@code 1: POSIX  ADVISORY  WRITE 4242 fd:01:131090 0 EOF}.
	 */
	static OptionalLong holderOf(List<String> lines, long device, long inode) {
		String wanted = String.format("%02x:%02x:%d", major(device), minor(device), inode);
		for (String line : lines) {
			String[] fields = line.trim().split("\\s+");
			// Blocked waiters are listed as "1: -> POSIX ..." and do not hold the lock.
			if (fields.length < 8 || "->".equals(fields[1]) || !"WRITE".equals(fields[3])) {
				continue;
			}
			if (fields[5].equalsIgnoreCase(wanted)) {
				long pid = Long.parseLong(fields[4]);
				if (pid > 0) {
					return OptionalLong.of(pid);
				}
			}
		}
		return OptionalLong.empty();
	}

	static long major(long device) {
		return ((device >>> 8) & 0xfff) | ((device >>> 32) & ~0xfffL);
	}

	static long minor(long device) {
		return (device & 0xff) | ((device >>> 12) & ~0xffL);
	}

}
