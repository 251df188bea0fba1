/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.launch.commandline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The JVM options, written as one argument, that hold paths, and how to make those paths
 * absolute: the Java launcher's own options, the HotSpot options that name files, and the
 * system properties that the JDK reads as files. An application's own properties are left
 * alone: what they mean is the application's business.
 */
final class PathOptions {

	/** The prefixes, longest first so that the most specific rule wins. */
	private static final List<Rule> RULES = rules();

	/** Keys of Flight Recorder options whose value is a path. */
	private static final Set<String> RECORDING_PATH_KEYS = Set.of("filename", "repository", "dumppath");

	private PathOptions() {
	}

	/**
	 * Returns an option with the paths it holds made absolute, or the option itself if it
	 * holds none.
	 * @param option the option, such as {@code -XX:HeapDumpPath=dumps}
	 * @param paths the resolver
	 * @return the option to pass on
	 */
	static String absolute(String option, RelativePaths paths) {
		for (Rule rule : RULES) {
			if (option.startsWith(rule.prefix())) {
				return rule.prefix() + rule.kind().apply(option.substring(rule.prefix().length()), paths);
			}
		}
		return option;
	}

	private static List<Rule> rules() {
		List<Rule> rules = new ArrayList<>();
		// The Java launcher's options.
		add(rules, Kind.PATH_LIST, "--class-path=", "--module-path=", "--upgrade-module-path=", "-Xbootclasspath/a:");
		add(rules, Kind.PATCH, "--patch-module=");
		add(rules, Kind.AGENT, "-javaagent:", "-agentpath:");
		add(rules, Kind.PATH, "-splash:");
		// HotSpot's options that name a file or directory.
		add(rules, Kind.PATH, "-XX:VMOptionsFile=", "-XX:Flags=", "-XX:ArchiveClassesAtExit=", "-XX:AOTCache=",
				"-XX:AOTCacheOutput=", "-XX:AOTConfiguration=", "-XX:SharedClassListFile=", "-XX:DumpLoadedClassList=",
				"-XX:HeapDumpPath=", "-XX:ErrorFile=", "-XX:LogFile=", "-XX:CompileCommandFile=", "-XX:ReplayDataFile=",
				"-XX:InlineDataFile=", "-XX:PerfDataSaveFile=", "-Xloggc:");
		// A base and a dynamic archive may be given together as a list.
		add(rules, Kind.PATH_LIST, "-XX:SharedArchiveFile=");
		add(rules, Kind.LOG_OUTPUT, "-Xlog:");
		add(rules, Kind.RECORDING, "-XX:StartFlightRecording=", "-XX:StartFlightRecording:",
				"-XX:FlightRecorderOptions=", "-XX:FlightRecorderOptions:");
		// System properties that the JDK reads as files.
		add(rules, Kind.SECURITY_FILE, "-Djava.security.properties=", "-Djava.security.policy=");
		add(rules, Kind.PATH, "-Djava.util.logging.config.file=", "-Djavax.net.ssl.trustStore=",
				"-Djavax.net.ssl.keyStore=", "-Djava.io.tmpdir=");
		add(rules, Kind.PATH_LIST, "-Djava.library.path=", "-Djna.library.path=");
		rules.sort(new LongestPrefixFirst());
		return List.copyOf(rules);
	}

	private static void add(List<Rule> rules, Kind kind, String... prefixes) {
		for (String prefix : prefixes) {
			rules.add(new Rule(prefix, kind));
		}
	}

	private record Rule(String prefix, Kind kind) {
	}

	/**
	 * Orders rules by the length of their prefix, longest first. A class and not a
	 * lambda, like {@link Kind}'s switch: the launcher is a short-lived JVM, and each
	 * lambda's first use costs it a generated class.
	 */
	private static final class LongestPrefixFirst implements Comparator<Rule> {

		@Override
		public int compare(Rule left, Rule right) {
			return Integer.compare(right.prefix().length(), left.prefix().length());
		}

	}

	/**
	 * How the value after a prefix holds its paths.
	 */
	private enum Kind {

		/** One path. */
		PATH,

		/** A list of paths. */
		PATH_LIST,

		/** {@code module=paths}. */
		PATCH,

		/** {@code path[=options]}. */
		AGENT,

		/** A path, or {@code =path} to replace the JDK's own file; URLs are kept. */
		SECURITY_FILE,

		/** {@code -Xlog}'s {@code what:output:decorators:options}. */
		LOG_OUTPUT,

		/** Comma-separated {@code key=value} pairs, some of them paths. */
		RECORDING;

		String apply(String value, RelativePaths paths) {
			switch (this) {
				case PATH:
					return paths.absolute(value);
				case PATH_LIST:
					return paths.absoluteList(value);
				case PATCH:
					return patch(value, paths);
				case AGENT:
					return agent(value, paths);
				case SECURITY_FILE:
					return securityFile(value, paths);
				case LOG_OUTPUT:
					return logOutput(value, paths);
				case RECORDING:
					return recording(value, paths);
				default:
					throw new AssertionError("no rewrite for " + this);
			}
		}

	}

	static String patch(String value, RelativePaths paths) {
		int equals = value.indexOf('=');
		return (equals < 0) ? value : value.substring(0, equals + 1) + paths.absoluteList(value.substring(equals + 1));
	}

	private static String agent(String value, RelativePaths paths) {
		int equals = value.indexOf('=');
		String path = (equals >= 0) ? value.substring(0, equals) : value;
		String options = (equals >= 0) ? value.substring(equals) : "";
		return paths.absolute(path) + options;
	}

	private static String securityFile(String value, RelativePaths paths) {
		String override = value.startsWith("=") ? "=" : "";
		String file = value.substring(override.length());
		if (file.isEmpty() || isUrl(file)) {
			return value;
		}
		return override + paths.absolute(file);
	}

	private static boolean isUrl(String value) {
		int colon = value.indexOf(':');
		// A drive letter is not a URL scheme.
		if (colon <= 1) {
			return false;
		}
		for (int i = 0; i < colon; i++) {
			if (!Character.isLetter(value.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Rewrites the output of {@code -Xlog:what:output:...}: {@code stdout},
	 * {@code stderr} and an empty output stay; {@code file=name}, with or without quotes,
	 * or a bare file name, becomes {@code file=} and the absolute path, quoted if it
	 * holds a colon.
	 */
	private static String logOutput(String value, RelativePaths paths) {
		int firstColon = value.indexOf(':');
		if (firstColon < 0) {
			return value;
		}
		String what = value.substring(0, firstColon);
		String rest = value.substring(firstColon + 1);
		String output;
		String tail;
		if (rest.startsWith("file=\"") && rest.indexOf('"', 6) > 0) {
			int close = rest.indexOf('"', 6);
			output = rest.substring(6, close);
			tail = rest.substring(close + 1);
		}
		else {
			int colon = rest.indexOf(':');
			output = (colon < 0) ? rest : rest.substring(0, colon);
			tail = (colon < 0) ? "" : rest.substring(colon);
			if (output.startsWith("file=")) {
				output = output.substring(5);
			}
			else if (output.isEmpty() || "stdout".equals(output) || "stderr".equals(output) || output.startsWith("#")) {
				return value;
			}
		}
		String file = paths.absolute(output);
		return what + ":file=" + (file.contains(":") ? "\"" + file + "\"" : file) + tail;
	}

	private static String recording(String value, RelativePaths paths) {
		List<String> pairs = new ArrayList<>();
		for (String pair : value.split(",", -1)) {
			int equals = pair.indexOf('=');
			String key = (equals < 0) ? "" : pair.substring(0, equals);
			String setting = (equals < 0) ? "" : pair.substring(equals + 1);
			boolean path = RECORDING_PATH_KEYS.contains(key) || ("settings".equals(key) && setting.endsWith(".jfc"));
			pairs.add((path && !setting.isEmpty()) ? key + "=" + paths.absolute(setting) : pair);
		}
		return String.join(",", pairs);
	}

}
