/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what Linux tells about a process in {@code /proc}: the same facts that {@code ps}
 * shows.
 */
public final class Proc {

	private Proc() {
	}

	/**
	 * The fields of {@code /proc/PID/stat} that the tests look at.
	 *
	 * @param pid the process
	 * @param state its state letter
	 * @param ppid its parent
	 * @param pgid its process group
	 * @param sid its session
	 * @param ttyNr its controlling terminal, 0 for none
	 */
	public record Stat(long pid, char state, long ppid, long pgid, long sid, long ttyNr) {
	}

	/**
	 * Reads {@code /proc/PID/stat}.
	 * @param pid the process
	 * @return its fields
	 */
	public static Stat stat(long pid) {
		String text = readString(Path.of("/proc", Long.toString(pid), "stat"));
		String[] fields = text.substring(text.lastIndexOf(')') + 2).trim().split(" ");
		return new Stat(pid, fields[0].charAt(0), Long.parseLong(fields[1]), Long.parseLong(fields[2]),
				Long.parseLong(fields[3]), Long.parseLong(fields[4]));
	}

	/**
	 * Returns a line of {@code /proc/PID/status}, without its key.
	 * @param pid the process
	 * @param key such as {@code Umask} or {@code SigIgn}
	 * @return the value
	 */
	public static String status(long pid, String key) {
		for (String line : readString(Path.of("/proc", Long.toString(pid), "status")).split("\n")) {
			if (line.startsWith(key + ":")) {
				return line.substring(key.length() + 1).trim();
			}
		}
		throw new AssertionError("no " + key + " in /proc/" + pid + "/status");
	}

	/**
	 * Returns what a file descriptor of a process points at.
	 * @param pid the process
	 * @param fd the descriptor
	 * @return the link's target
	 */
	public static String fd(long pid, int fd) {
		try {
			return Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "fd", Integer.toString(fd))).toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Returns what every file descriptor of a process points at.
	 * @param pid the process
	 * @return the targets, such as {@code /dev/null} or {@code pipe:[123]}
	 */
	public static List<String> fds(long pid) {
		List<String> targets = new ArrayList<>();
		try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "fd"))) {
			for (Path fd : fds) {
				try {
					targets.add(fd.getFileName() + " -> " + Files.readSymbolicLink(fd));
				}
				catch (NoSuchFileException ex) {
					// Closed while listing.
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return targets;
	}

	/**
	 * Returns a process's working directory.
	 * @param pid the process
	 * @return the directory
	 */
	public static String cwd(long pid) {
		try {
			return Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "cwd")).toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Returns a process's whole command line, from {@code /proc/PID/cmdline}.
	 * @param pid the process
	 * @return the arguments, the executable first
	 */
	public static List<String> cmdline(long pid) {
		try {
			byte[] bytes = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
			String text = new String(bytes, StandardCharsets.UTF_8);
			if (text.endsWith("\0")) {
				text = text.substring(0, text.length() - 1);
			}
			return List.of(text.split("\0", -1));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Returns whether a process is gone: no such process, or a zombie.
	 * @param pid the process
	 * @return {@code true} if it runs no more
	 */
	public static boolean isGone(long pid) {
		return !Files.exists(Path.of("/proc", Long.toString(pid))) || isZombie(pid);
	}

	/**
	 * Returns whether a process is a zombie.
	 * @param pid the process
	 * @return {@code true} for a zombie
	 */
	public static boolean isZombie(long pid) {
		try {
			char state = stat(pid).state();
			return state == 'Z' || state == 'X';
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private static String readString(Path path) {
		try {
			return Files.readString(path, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
