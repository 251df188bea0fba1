/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.windows;

import java.util.ArrayList;
import java.util.List;

/**
 * A Windows command line, which is one string that every program splits itself. Splits by
 * the rules of the Java launcher ({@code JLI_CmdToArgs} in the JDK's
 * {@code cmdtoargs.c}), which produced the arguments of this JVM, and joins so that those
 * rules, the Microsoft C runtime's and {@code CommandLineToArgvW} all give the arguments
 * back unchanged.
 * <p>
 * The Java launcher's rules: spaces and tabs outside quotes separate arguments, and the
 * program name is split like any other argument; {@code 2n} backslashes before a quote
 * stand for {@code n} backslashes and the quote opens or closes a quoted part;
 * {@code 2n+1} backslashes before a quote stand for {@code n} backslashes and a literal
 * quote; backslashes before anything else are literal; a quote right after a quote that
 * closed a quoted part (or right after a literal quote) is a literal quote and opens a
 * quoted part again. They differ from {@code CommandLineToArgvW} only on runs of quotes,
 * which {@link #join} never writes. An argument with {@code *} or {@code ?} outside
 * quotes is marked as a wildcard, which the Java launcher expands when it is an
 * application argument.
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
		List<String> texts = new ArrayList<>();
		for (Argument argument : parse(commandLine)) {
			texts.add(argument.text());
		}
		return texts;
	}

	/**
	 * Splits a command line and tells for each argument whether it holds a wildcard
	 * outside quotes.
	 * @param commandLine the command line
	 * @return the program name followed by the arguments; empty for an empty line
	 */
	public static List<Argument> parse(String commandLine) {
		List<Argument> args = new ArrayList<>();
		int position = 0;
		while (position >= 0 && !commandLine.isEmpty()) {
			StringBuilder text = new StringBuilder();
			boolean[] wildcard = new boolean[1];
			position = nextArgument(commandLine, position, text, wildcard);
			args.add(new Argument(text.toString(), wildcard[0]));
		}
		return args;
	}

	/**
	 * Reads one argument starting at {@code start}, as the Java launcher's
	 * {@code next_arg} does.
	 * @return where the next argument starts, or {@code -1} at the end of the line
	 */
	private static int nextArgument(String line, int start, StringBuilder arg, boolean[] wildcard) {
		boolean separator = false;
		int quotes = 0;
		int slashes = 0;
		char previous = 0;
		int i = start;
		boolean done = false;
		while (!done && i < line.length()) {
			char ch = line.charAt(i);
			switch (ch) {
				case '"' -> {
					if (separator) {
						done = true;
					}
					else {
						if (previous == '\\') {
							arg.append("\\".repeat(slashes / 2));
							if (slashes % 2 == 1) {
								arg.append('"');
							}
							else {
								quotes++;
							}
						}
						else if (previous == '"' && quotes % 2 == 0) {
							// Every other quote of a run is a literal one.
							quotes++;
							arg.append('"');
						}
						else if (quotes == 0) {
							quotes++;
						}
						else {
							quotes--;
						}
						slashes = 0;
					}
				}
				case '\\' -> {
					slashes++;
					if (separator) {
						done = true;
					}
				}
				case ' ', '\t' -> {
					appendBackslashes(arg, previous, slashes);
					if (quotes % 2 == 1) {
						arg.append(ch);
					}
					else {
						separator = true;
					}
					slashes = 0;
				}
				default -> {
					if (separator) {
						done = true;
					}
					else {
						if ((ch == '*' || ch == '?') && quotes % 2 == 0) {
							wildcard[0] = true;
						}
						appendBackslashes(arg, previous, slashes);
						arg.append(ch);
						slashes = 0;
					}
				}
			}
			if (!done) {
				previous = ch;
				i++;
			}
		}
		appendBackslashes(arg, previous, slashes);
		return done ? i : -1;
	}

	private static void appendBackslashes(StringBuilder arg, char previous, int slashes) {
		if (previous == '\\') {
			arg.append("\\".repeat(slashes));
		}
	}

	/**
	 * One argument of a command line.
	 *
	 * @param text the argument as the program sees it
	 * @param wildcard whether it holds {@code *} or {@code ?} outside quotes, which the
	 * Java launcher expands in application arguments
	 */
	public record Argument(String text, boolean wildcard) {
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
	 * Appends one argument, quoted when it is empty or holds blanks, quotes, wildcards
	 * (the Java launcher expands {@code *} and {@code ?} outside quotes) or characters
	 * beyond ASCII.
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
			if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\u000b' || ch == '"' || ch == '*' || ch == '?') {
				return true;
			}
			if (ch > 0x7f) {
				// The Java launcher parses the ANSI command line, where a character that
				// the code page lacks becomes '?', which it would take for a wildcard.
				return true;
			}
		}
		return false;
	}

}
