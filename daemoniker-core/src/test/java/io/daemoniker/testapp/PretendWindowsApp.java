/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.testapp;

import java.nio.file.Path;

import io.daemoniker.Daemoniker;

/**
 * Believes it runs on Windows (its {@code os.name} says so, set before any Daemoniker
 * class loads) and tries what must be refused there, printing one line per attempt:
 * {@code refused <exception class>: <message>} or {@code done}. Usage:
 * {@code PretendWindowsApp reopen <file>}.
 */
public final class PretendWindowsApp {

	private PretendWindowsApp() {
	}

	public static void main(String[] args) {
		// The JDK's own process support is set up first, for the real system.
		ProcessBuilder.Redirect.DISCARD.file();
		System.setProperty("os.name", "Windows Server 2022");
		if ("reopen".equals(args[0])) {
			Path file = Path.of(args[1]);
			try {
				Daemoniker.reopenStandardStreams(file, file);
				System.out.println("done");
			}
			catch (RuntimeException ex) {
				System.out.println("refused " + ex.getClass().getName() + ": " + ex.getMessage());
			}
		}
	}

}
