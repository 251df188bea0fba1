/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.cli;

import java.io.Console;
import java.io.PrintStream;
import java.lang.reflect.Method;

/**
 * Tells a person at a terminal what the command waits for and for how long. Off a
 * terminal (systemd's {@code ExecStop=}, scripts, pipes) it says nothing, so that the
 * output is the one line of the result.
 */
final class Progress {

	private final PrintStream out;

	private final boolean enabled;

	private Progress(PrintStream out, boolean enabled) {
		this.out = out;
		this.enabled = enabled;
	}

	/**
	 * Returns the progress of this process: shown when standard input and output are a
	 * terminal, or when {@code daemoniker.progress=true} asks for it.
	 * @param out where progress goes
	 * @return the progress
	 */
	static Progress forTerminal(PrintStream out) {
		String forced = System.getProperty("daemoniker.progress");
		boolean enabled = (forced != null) ? Boolean.parseBoolean(forced) : isTerminal();
		return new Progress(out, enabled);
	}

	static Progress silent(PrintStream out) {
		return new Progress(out, false);
	}

	void waiting(String what) {
		if (this.enabled) {
			this.out.println("daemoniker: " + what + " ...");
		}
	}

	private static boolean isTerminal() {
		Console console = System.console();
		if (console == null) {
			return false;
		}
		try {
			// From Java 22 there is a console off a terminal too; it says whether it is
			// one.
			Method isTerminal = Console.class.getMethod("isTerminal");
			return (Boolean) isTerminal.invoke(console);
		}
		catch (ReflectiveOperationException ex) {
			return true;
		}
	}

}
