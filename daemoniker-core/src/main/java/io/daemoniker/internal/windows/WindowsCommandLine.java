/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.windows;

import java.util.ArrayList;
import java.util.List;

/**
 * A Windows command line, which is one string that every program splits itself. Splits by
 * the rules of {@code CommandLineToArgvW} and joins so that those rules, the Java
 * launcher's and the Microsoft C runtime's all give the arguments back unchanged.
 * <p>
 * The rules: the program name runs to the next quote if it starts with one, else to the
 * first space or tab, and takes no escapes. After it, spaces and tabs outside quotes
 * separate arguments; {@code 2n} backslashes before a quote stand for {@code n}
 * backslashes and the quote opens or closes a quoted part; {@code 2n+1} backslashes
 * before a quote stand for {@code n} backslashes and a literal quote; backslashes before
 * anything else are literal; inside a quoted part, two quotes in a row stand for a
 * literal quote and close the quoted part.
 */
public final class WindowsCommandLine {

	private WindowsCommandLine() {
	}

	/**
	 * Splits a command line, such as the one {@code GetCommandLineW} returns.
	 * @param commandLine the command line
	 * @return the program name followed by the arguments; empty for an empty line
	 */
	public static List<String> split(String commandLine) {
		List<String> args = new ArrayList<>();
		int length = commandLine.length();
		if (length == 0) {
			return args;
		}
		int i = 0;
		StringBuilder program = new StringBuilder();
		if (commandLine.charAt(0) == '"') {
			i = 1;
			while (i < length && commandLine.charAt(i) != '"') {
				program.append(commandLine.charAt(i++));
			}
			// Skip the closing quote, if there is one.
			i++;
		}
		else {
			while (i < length && !isBlank(commandLine.charAt(i))) {
				program.append(commandLine.charAt(i++));
			}
		}
		args.add(program.toString());
		splitArguments(commandLine, Math.min(i, length), args);
		return args;
	}

	private static void splitArguments(String line, int start, List<String> args) {
		int length = line.length();
		int i = start;
		while (true) {
			while (i < length && isBlank(line.charAt(i))) {
				i++;
			}
			if (i >= length) {
				return;
			}
			StringBuilder arg = new StringBuilder();
			boolean quoted = false;
			while (i < length && (quoted || !isBlank(line.charAt(i)))) {
				char ch = line.charAt(i);
				if (ch == '\\') {
					int backslashes = 0;
					while (i < length && line.charAt(i) == '\\') {
						backslashes++;
						i++;
					}
					if (i < length && line.charAt(i) == '"') {
						arg.append("\\".repeat(backslashes / 2));
						if (backslashes % 2 == 1) {
							arg.append('"');
							i++;
						}
						// An even count leaves the quote to the branch below.
					}
					else {
						arg.append("\\".repeat(backslashes));
					}
				}
				else if (ch == '"') {
					if (!quoted) {
						quoted = true;
						i++;
					}
					else if (i + 1 < length && line.charAt(i + 1) == '"') {
						arg.append('"');
						quoted = false;
						i += 2;
					}
					else {
						quoted = false;
						i++;
					}
				}
				else {
					arg.append(ch);
					i++;
				}
			}
			args.add(arg.toString());
		}
	}

	private static boolean isBlank(char ch) {
		return ch == ' ' || ch == '\t';
	}

	/**
	 * Joins a program and its arguments into a command line that splits back into them.
	 * @param command the program followed by its arguments
	 * @return the command line
	 * @throws IllegalArgumentException if the command is empty or the program name is
	 * empty or holds a quote, which no Windows command line can carry
	 */
	public static String join(List<String> command) {
		if (command.isEmpty() || command.get(0).isEmpty()) {
			throw new IllegalArgumentException("a command line needs a program name");
		}
		String program = command.get(0);
		if (program.indexOf('"') >= 0) {
			throw new IllegalArgumentException(
					"the program name " + program + " holds a quote, which Windows " + "cannot pass in a command line");
		}
		StringBuilder line = new StringBuilder();
		if (program.indexOf(' ') >= 0 || program.indexOf('\t') >= 0) {
			line.append('"').append(program).append('"');
		}
		else {
			line.append(program);
		}
		for (String arg : command.subList(1, command.size())) {
			line.append(' ');
			appendQuoted(line, arg);
		}
		return line.toString();
	}

	/**
	 * Appends one argument, quoted when it is empty or holds blanks or quotes.
	 */
	static void appendQuoted(StringBuilder line, String arg) {
		if (!arg.isEmpty() && !needsQuotes(arg)) {
			line.append(arg);
			return;
		}
		line.append('"');
		int i = 0;
		while (true) {
			int backslashes = 0;
			while (i < arg.length() && arg.charAt(i) == '\\') {
				backslashes++;
				i++;
			}
			if (i == arg.length()) {
				// Doubled, so that the closing quote stays a quote.
				line.append("\\".repeat(backslashes * 2));
				break;
			}
			char ch = arg.charAt(i);
			if (ch == '"') {
				line.append("\\".repeat(backslashes * 2 + 1)).append('"');
			}
			else {
				line.append("\\".repeat(backslashes)).append(ch);
			}
			i++;
		}
		line.append('"');
	}

	private static boolean needsQuotes(String arg) {
		for (int i = 0; i < arg.length(); i++) {
			char ch = arg.charAt(i);
			if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\u000b' || ch == '"') {
				return true;
			}
		}
		return false;
	}

}
