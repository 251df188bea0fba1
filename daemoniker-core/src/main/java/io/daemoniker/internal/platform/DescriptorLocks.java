/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Tells whether one process holds the daemon's lock on a file, from the locks that Linux
 * lists for each of that process's open files in {@code /proc/<pid>/fdinfo/<fd>}.
 * <p>
 * {@link ProcLocks} answers the same question for any process, but reading
 * {@code /proc/locks} makes the kernel take its file-lock semaphore for writing, which
 * waits for an RCU grace period: about 12 ms on an idle two-core machine, a good part of
 * what a {@code status} costs beyond a JVM start. A process's {@code fdinfo} lists only
 * the locks that belong to that open file and costs no such wait. It can only be read for
 * a process of the same user (or by root), so a "no" here means "ask
 * {@code /proc/locks}", never "not locked".
 * <p>
 * The lines are those of {@code /proc/locks} after a {@code lock:} prefix, with the
 * locked file's device and inode, so the file is the one that was checked, whatever path
 * the process opened it by.
 */
final class DescriptorLocks {

	/** More descriptors than this are not searched: {@code /proc/locks} answers then. */
	private static final int MAX_DESCRIPTORS = 4096;

	private static final String LOCK_PREFIX = "lock:";

	private DescriptorLocks() {
	}

	/**
	 * Returns whether a process holds an exclusive {@code flock} or POSIX lock, taken by
	 * itself, on a file, by one of its own descriptors.
	 * @param pid the process
	 * @param stat the file
	 * @param fileName the file's last path component: only descriptors whose path ends
	 * with it are read
	 * @return {@code true} if it does; {@code false} if it does not, or if that cannot be
	 * read here
	 */
	static boolean holdsDaemonLock(long pid, FileStat stat, String fileName) {
		Path process = Path.of("/proc", Long.toString(pid));
		String suffix = "/" + fileName;
		int seen = 0;
		try (DirectoryStream<Path> descriptors = Files.newDirectoryStream(process.resolve("fd"))) {
			for (Path descriptor : descriptors) {
				if (++seen > MAX_DESCRIPTORS) {
					return false;
				}
				if (opens(descriptor, suffix)
						&& holdsIn(process.resolve("fdinfo").resolve(descriptor.getFileName()), pid, stat)) {
					return true;
				}
			}
		}
		catch (IOException | DirectoryIteratorException | SecurityException ex) {
			// Another user's process, a process that has ended, or no /proc: not known.
		}
		return false;
	}

	private static boolean opens(Path descriptor, String suffix) {
		try {
			return Files.readSymbolicLink(descriptor).toString().endsWith(suffix);
		}
		catch (IOException | UnsupportedOperationException ex) {
			// Closed in between: not this one.
			return false;
		}
	}

	private static boolean holdsIn(Path fdinfo, long pid, FileStat stat) {
		String text;
		try {
			text = new String(Files.readAllBytes(fdinfo), StandardCharsets.US_ASCII);
		}
		catch (IOException ex) {
			return false;
		}
		for (ProcLocks.Lock lock : ProcLocks.locksOn(lockLines(text), stat.device(), stat.inode())) {
			if (lock.isDaemonLike() && lock.pid() == pid) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The {@code lock:} lines of an {@code fdinfo} file, without their prefix.
	 */
	static List<String> lockLines(String fdinfo) {
		List<String> lines = new ArrayList<>();
		int start = 0;
		while (start < fdinfo.length()) {
			int end = fdinfo.indexOf('\n', start);
			if (end < 0) {
				end = fdinfo.length();
			}
			if (fdinfo.startsWith(LOCK_PREFIX, start)) {
				lines.add(fdinfo.substring(start + LOCK_PREFIX.length(), end));
			}
			start = end + 1;
		}
		return lines;
	}

}
