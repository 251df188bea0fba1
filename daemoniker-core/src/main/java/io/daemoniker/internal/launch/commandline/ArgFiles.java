/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.launch.commandline;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits the text of a {@code java @argfile} into arguments by the launcher's rules:
 * whitespace separates arguments; single or double quotes group text that contains
 * whitespace and may start inside an argument; inside quotes a backslash escapes the next
 * character ({@code \n}, {@code \r}, {@code \t} and {@code \f} stand for control
 * characters) and a backslash at the end of a line continues the argument on the next
 * line, after its leading whitespace; {@code #} at the start of an argument comments out
 * the rest of the line.
 */
final class ArgFiles {

	/**
	 * The encoding of argument files: the Java launcher reads them as bytes in the
	 * platform's native encoding.
	 */
	static final Charset CHARSET = nativeCharset();

	private ArgFiles() {
	}

	/**
	 * Writes arguments as the text of an argument file that {@link #split} and the Java
	 * launcher read back as the same arguments: each one quoted on a line of its own,
	 * with backslashes, quotes and control characters escaped.
	 * @param arguments the arguments
	 * @return the text
	 */
	static String encode(List<String> arguments) {
		StringBuilder text = new StringBuilder();
		for (String argument : arguments) {
			text.append('"');
			for (int i = 0; i < argument.length(); i++) {
				char ch = argument.charAt(i);
				switch (ch) {
					case '\\' -> text.append("\\\\");
					case '"' -> text.append("\\\"");
					case '\n' -> text.append("\\n");
					case '\r' -> text.append("\\r");
					case '\t' -> text.append("\\t");
					case '\f' -> text.append("\\f");
					default -> text.append(ch);
				}
			}
			text.append("\"\n");
		}
		return text.toString();
	}

	private static Charset nativeCharset() {
		String name = System.getProperty("native.encoding", System.getProperty("sun.jnu.encoding"));
		return (name != null && Charset.isSupported(name)) ? Charset.forName(name) : Charset.defaultCharset();
	}

	static List<String> split(String text) {
		List<String> args = new ArrayList<>();
		StringBuilder current = null;
		int i = 0;
		int length = text.length();
		while (i < length) {
			char ch = text.charAt(i);
			if (current == null) {
				if (Character.isWhitespace(ch)) {
					i++;
					continue;
				}
				if (ch == '#') {
					i = endOfLine(text, i);
					continue;
				}
				current = new StringBuilder();
			}
			if (Character.isWhitespace(ch)) {
				args.add(current.toString());
				current = null;
				i++;
			}
			else if (ch == '"' || ch == '\'') {
				i = quoted(text, i + 1, ch, current);
			}
			else {
				current.append(ch);
				i++;
			}
		}
		if (current != null) {
			args.add(current.toString());
		}
		return args;
	}

	/**
	 * Appends quoted text up to the closing quote and returns the index after it. An
	 * unterminated quote runs to the end of the text, as in the launcher.
	 */
	private static int quoted(String text, int start, char quote, StringBuilder current) {
		int i = start;
		while (i < text.length()) {
			char ch = text.charAt(i);
			if (ch == quote) {
				return i + 1;
			}
			if (ch == '\\' && i + 1 < text.length()) {
				char next = text.charAt(i + 1);
				if (next == '\n' || next == '\r') {
					i = skipContinuation(text, i + 1);
					continue;
				}
				current.append(switch (next) {
					case 'n' -> '\n';
					case 'r' -> '\r';
					case 't' -> '\t';
					case 'f' -> '\f';
					default -> next;
				});
				i += 2;
				continue;
			}
			current.append(ch);
			i++;
		}
		return i;
	}

	private static int skipContinuation(String text, int lineBreak) {
		int i = lineBreak;
		if (text.charAt(i) == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
			i++;
		}
		i++;
		while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
			i++;
		}
		return i;
	}

	private static int endOfLine(String text, int from) {
		int i = from;
		while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
			i++;
		}
		return i;
	}

}
