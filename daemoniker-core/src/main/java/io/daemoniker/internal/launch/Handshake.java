/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.launch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The lines that the intermediate shell and the daemon write to the launcher on the
 * daemon's original standard output. Each starts with a prefix that holds a random token,
 * so that output of the application cannot be taken for them.
 *
 * <pre>
 * PREFIX spawned PID     the shell started the daemon JVM as PID
 * PREFIX ready PID       the daemon confirmed start-up
 * PREFIX failed MESSAGE  the daemon gave up; MESSAGE has its line breaks escaped
 * </pre>
 * <p>
 * Public for the two sides of the exchange: the launcher's {@code Launcher} and
 * {@code StartupWatch}, which make the token and read the lines, and the daemon's
 * {@code DaemonSide}, which writes them.
 */
public final class Handshake {

	private static final Path URANDOM = Path.of("/dev/urandom");

	private Handshake() {
	}

	public static String newToken() {
		byte[] bytes = new byte[12];
		// Reading the kernel's generator directly spares the launcher the set-up of a
		// SecureRandom, some 20 ms of every start; elsewhere SecureRandom does the same
		// job.
		try (InputStream in = Files.newInputStream(URANDOM)) {
			if (in.readNBytes(bytes, 0, bytes.length) != bytes.length) {
				throw new IOException("short read from " + URANDOM);
			}
		}
		catch (IOException | UnsupportedOperationException ex) {
			new SecureRandom().nextBytes(bytes);
		}
		return HexFormat.of().formatHex(bytes);
	}

	public static String prefix(String token) {
		return "\u0001daemoniker:" + token;
	}

	public static String ready(String token, long pid) {
		return prefix(token) + " ready " + pid;
	}

	public static String failed(String token, String message) {
		return prefix(token) + " failed " + message.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "");
	}

	public static String unescape(String message) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < message.length(); i++) {
			char ch = message.charAt(i);
			if (ch == '\\' && i + 1 < message.length()) {
				char next = message.charAt(++i);
				out.append((next == 'n') ? '\n' : next);
			}
			else {
				out.append(ch);
			}
		}
		return out.toString();
	}

}
