/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.testapp;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Prints the arguments its {@code main} received, one per line, with backslashes, line
 * breaks and tabs escaped, in UTF-8: what the Java launcher made of its command line.
 */
public final class PrintArgsApp {

	private PrintArgsApp() {
	}

	public static void main(String[] args) {
		PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
		for (String arg : args) {
			out.println("arg:" + escape(arg));
		}
		out.println("end");
	}

	public static String escape(String arg) {
		return arg.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t");
	}

}
