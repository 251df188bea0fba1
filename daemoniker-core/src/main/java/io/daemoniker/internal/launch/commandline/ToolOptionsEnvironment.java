/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.launch.commandline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Makes the paths in {@code JDK_JAVA_OPTIONS} and {@code JAVA_TOOL_OPTIONS} absolute for
 * a daemon that starts in another directory. The daemon inherits the launcher's
 * environment, and the JVM reads these variables as options of its own, so a relative
 * {@code -Xlog:gc:file=gc.log} in them would land in the daemon's directory. The
 * rewritten variables are set through {@code env}, which then executes Java itself: the
 * daemon's command line stays Java's.
 */
final class ToolOptionsEnvironment {

	/** The variables, in the order the JVM reads them. */
	static final List<String> VARIABLES = List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS");

	private static final String ENV = "/usr/bin/env";

	private ToolOptionsEnvironment() {
	}

	/**
	 * Returns the command with the variables that hold relative paths rewritten in front
	 * of it, or the command itself when none does.
	 * @param command the daemon's command
	 * @param environment the launcher's environment
	 * @param paths the resolver for the launcher's directory
	 * @return the command to start
	 */
	static List<String> apply(List<String> command, Map<String, String> environment, RelativePaths paths) {
		List<String> assignments = new ArrayList<>();
		for (String variable : VARIABLES) {
			String value = environment.get(variable);
			if (value == null) {
				continue;
			}
			String rewritten = rewrite(value, paths);
			if (!rewritten.equals(value)) {
				assignments.add(variable + "=" + rewritten);
			}
		}
		if (assignments.isEmpty()) {
			return command;
		}
		List<String> prefixed = new ArrayList<>();
		prefixed.add(ENV);
		prefixed.addAll(assignments);
		prefixed.addAll(command);
		return prefixed;
	}

	/**
	 * Returns the value with the paths in its options made absolute, or the value itself
	 * when no option holds a relative path.
	 * @param value the options, separated by whitespace, quoted where they hold it
	 * @param paths the resolver
	 * @return the value to pass on
	 */
	static String rewrite(String value, RelativePaths paths) {
		List<String> options = ArgFiles.split(value);
		List<String> rewritten = new ArrayList<>();
		boolean changed = false;
		for (int i = 0; i < options.size(); i++) {
			String option = options.get(i);
			String absolute = PathOptions.absolute(option, paths);
			if (JavaCommandLine.PATH_LIST_OPTIONS.contains(option) && i + 1 < options.size()) {
				rewritten.add(option);
				option = options.get(++i);
				absolute = paths.absoluteList(option);
			}
			changed |= !absolute.equals(option);
			rewritten.add(quoted(absolute));
		}
		return changed ? String.join(" ", rewritten) : value;
	}

	private static String quoted(String option) {
		// A loop, not a stream: the launcher is a short-lived JVM, and the first lambda
		// costs it a generated class.
		boolean plain = true;
		for (int i = 0; i < option.length() && plain; i++) {
			char ch = option.charAt(i);
			plain = !Character.isWhitespace(ch) && ch != '"' && ch != '\'';
		}
		if (plain) {
			return option;
		}
		return "\"" + option.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

}
