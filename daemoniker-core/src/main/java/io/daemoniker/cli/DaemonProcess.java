/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.cli;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.daemoniker.DaemonikerException;
import io.daemoniker.internal.launch.DaemonProperties;

/**
 * How a running daemon was started, read from {@code /proc} before it is stopped, so that
 * {@code restart} can start it again the same way: the launcher's command line (the
 * daemon's, without what the launcher added), the launcher's working directory (which the
 * launcher records on the daemon's command line, since the daemon itself changes
 * directory), and the environment.
 *
 * @param pid the daemon's PID
 * @param command the launcher's command line, executable first
 * @param directory the launcher's working directory
 * @param environment the environment the daemon was started with
 */
record DaemonProcess(long pid, List<String> command, Path directory, Map<String, String> environment) {

	private static final String MARKER_OPTION = "-D" + DaemonProperties.MARKER_PROPERTY + "=";

	private static final String DIRECTORY_OPTION = "-D" + DaemonProperties.LAUNCH_DIRECTORY_PROPERTY + "=";

	/**
	 * Reads how a daemon was started.
	 * @param pid the daemon
	 * @return how it was started
	 * @throws DaemonikerException if {@code /proc} does not tell, naming the PID and the
	 * reason
	 */
	static DaemonProcess of(long pid) {
		Path proc = Path.of("/proc", Long.toString(pid));
		List<String> daemonCommand = nulSeparated(read(proc.resolve("cmdline"), pid));
		Map<String, String> environment = new LinkedHashMap<>();
		for (String entry : nulSeparated(read(proc.resolve("environ"), pid))) {
			int equals = entry.indexOf('=');
			if (equals > 0) {
				environment.put(entry.substring(0, equals), entry.substring(equals + 1));
			}
		}
		List<String> command = new ArrayList<>();
		Optional<Path> directory = Optional.empty();
		boolean marked = false;
		for (int i = 0; i < daemonCommand.size(); i++) {
			String argument = daemonCommand.get(i);
			if (argument.startsWith(MARKER_OPTION)) {
				marked = true;
			}
			else if (i > 0 && !marked) {
				// The start-up cache's options, which the launcher puts before its
				// marker:
				// the next launcher chooses them again.
			}
			else if (argument.startsWith(DIRECTORY_OPTION) && directory.isEmpty()) {
				directory = Optional.of(Path.of(argument.substring(DIRECTORY_OPTION.length())));
			}
			else {
				command.add(argument);
			}
		}
		if (!marked || directory.isEmpty() || command.isEmpty()) {
			throw new DaemonikerException("cannot restart pid " + pid + ": its command line does not say how it was"
					+ " started (a daemon started by an older version, with its arguments kept off the command line,"
					+ " or not by a Daemoniker launcher); stop it and start it the way it was started");
		}
		return new DaemonProcess(pid, List.copyOf(command), directory.get(), environment);
	}

	private static byte[] read(Path file, long pid) {
		try {
			return Files.readAllBytes(file);
		}
		catch (AccessDeniedException ex) {
			throw new DaemonikerException("cannot read " + file + " to restart pid " + pid
					+ ": permission denied; run restart as the daemon's user or as root");
		}
		catch (NoSuchFileException ex) {
			throw new DaemonikerException("pid " + pid + " ended before its command line could be read from " + file);
		}
		catch (IOException ex) {
			throw new DaemonikerException("cannot read " + file + " to restart pid " + pid + ": " + ex.getMessage(),
					ex);
		}
	}

	private static List<String> nulSeparated(byte[] bytes) {
		// The kernel hands out the bytes that were passed to execve; the platform charset
		// is how this JVM will pass them on again.
		Charset charset = Charset.forName(System.getProperty("sun.jnu.encoding", Charset.defaultCharset().name()));
		List<String> parts = new ArrayList<>();
		int start = 0;
		for (int i = 0; i < bytes.length; i++) {
			if (bytes[i] == 0) {
				parts.add(new String(bytes, start, i - start, charset));
				start = i + 1;
			}
		}
		if (start < bytes.length) {
			parts.add(new String(bytes, start, bytes.length - start, charset));
		}
		return parts;
	}

}
