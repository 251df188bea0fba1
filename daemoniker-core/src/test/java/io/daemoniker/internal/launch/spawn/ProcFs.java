/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.launch.spawn;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads what the spawner tests check about a process from {@code /proc}.
 */
final class ProcFs {

	private ProcFs() {
	}

	/**
	 * Returns the process's open descriptors and what they point at.
	 */
	static Map<Integer, String> descriptors(long pid) throws IOException {
		Map<Integer, String> fds = new TreeMap<>();
		try (Stream<Path> entries = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
			for (Path entry : entries.toList()) {
				try {
					fds.put(Integer.parseInt(entry.getFileName().toString()), Files.readSymbolicLink(entry).toString());
				}
				catch (IOException ex) {
					// Closed while listing.
				}
			}
		}
		return fds;
	}

	/**
	 * Returns the fields of {@code /proc/PID/stat} that follow the command name: state,
	 * parent, process group, session, terminal, ...
	 */
	static String[] stat(long pid) throws IOException {
		String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
		return stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
	}

	static long parent(long pid) throws IOException {
		return Long.parseLong(stat(pid)[1]);
	}

	static long session(long pid) throws IOException {
		return Long.parseLong(stat(pid)[3]);
	}

	static long terminal(long pid) throws IOException {
		return Long.parseLong(stat(pid)[4]);
	}

	/**
	 * Returns the mask of ignored signals from {@code /proc/PID/status}.
	 */
	static long ignoredSignals(long pid) throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
			if (line.startsWith("SigIgn:")) {
				return Long.parseUnsignedLong(line.substring(7).trim(), 16);
			}
		}
		throw new IOException("no SigIgn line for pid " + pid);
	}

	/**
	 * Returns the descriptor through which this process has a file open.
	 */
	static int descriptorOf(Path file) throws IOException {
		String real = file.toRealPath().toString();
		return descriptors(ProcessHandle.current().pid()).entrySet()
			.stream()
			.filter((entry) -> entry.getValue().equals(real))
			.mapToInt(Map.Entry::getKey)
			.findFirst()
			.orElseThrow(() -> new IOException(file + " is not open"));
	}

}
