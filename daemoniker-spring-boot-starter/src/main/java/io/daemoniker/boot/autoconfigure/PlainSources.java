/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.boot.autoconfigure;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Reads the starter's properties from the command line, the system properties and the
 * environment variables without any class of Spring's environment, whose first use sets
 * up Commons Logging and the application's logging library: most of what a launcher would
 * otherwise do before it starts the daemon. It reads only names in the forms the starter
 * documents ({@code --daemoniker.pid-file=...}, {@code -Ddaemoniker.pid-file=...},
 * {@code DAEMONIKER_PID_FILE} or {@code DAEMONIKER_PIDFILE}), in Spring Boot's order of
 * precedence. Whenever a source has a name that Spring Boot could read otherwise (another
 * relaxed form, an index, a name given twice, a non-string system property) or one that
 * moves or selects configuration ({@code spring.config.*}, {@code spring.profiles.*},
 * {@code spring.application.json}), it gives up, and the caller reads the sources with
 * Spring's environment as before.
 */
final class PlainSources {

	/**
	 * Names, without separators and in lower case, that this reading leaves to Spring.
	 */
	private static final List<String> SPRING_PREFIXES = List.of("springconfig", "springprofiles",
			"springapplicationjson", "springgetenv");

	private static final String STARTER_PREFIX = "daemoniker";

	/** Spring Framework's switch that leaves the environment variables out. */
	private static final String IGNORE_ENVIRONMENT = "spring.getenv.ignore";

	private final Map<String, String> values = new HashMap<>();

	private boolean unclear;

	private PlainSources() {
	}

	/**
	 * Reads the sources of an application started with these arguments.
	 * @param args the application's arguments
	 * @param systemProperties the system properties
	 * @param environment the environment variables
	 * @param ignoreEnvironment Spring's {@code spring.getenv.ignore} (from
	 * {@code spring.properties} on the class path or a system property), or {@code null}
	 * @return the values by the starter's property names, or {@code null} when Spring's
	 * environment may read the sources otherwise
	 */
	static @Nullable Map<String, String> read(String[] args, Properties systemProperties,
			Map<String, String> environment, @Nullable String ignoreEnvironment) {
		if (ignoreEnvironment != null) {
			return null;
		}
		PlainSources sources = new PlainSources();
		// The Binder takes the first source that has a property: the arguments, then the
		// system properties, then the environment variables.
		sources.readArguments(args);
		sources.readSystemProperties(systemProperties);
		sources.readEnvironment(environment);
		return sources.unclear ? null : sources.values;
	}

	private void readArguments(String[] args) {
		Map<String, String> given = new HashMap<>();
		for (String arg : args) {
			if (!arg.startsWith("--")) {
				continue;
			}
			String option = arg.substring(2);
			int equals = option.indexOf('=');
			String name = (equals < 0) ? option : option.substring(0, equals);
			if (name.isEmpty()) {
				// "--", the end of the options in some versions of Spring, and "--=x",
				// which Spring refuses, are Spring's to read.
				unclear = true;
			}
			else if (concerns(name)) {
				// An option without a value, and one given twice (whose values Spring
				// joins with commas), are Spring's to read.
				unclear |= equals < 0 || given.putIfAbsent(name, option.substring(equals + 1)) != null;
			}
		}
		takeAll(given);
	}

	private void readSystemProperties(Properties systemProperties) {
		Map<String, String> given = new HashMap<>();
		for (Map.Entry<Object, Object> entry : systemProperties.entrySet()) {
			if (entry.getKey() instanceof String name && concerns(name)) {
				if (entry.getValue() instanceof String value) {
					given.put(name, value);
				}
				else {
					unclear = true;
				}
			}
		}
		takeAll(given);
	}

	/**
	 * Takes arguments or system properties given under the starter's own names; any other
	 * name that concerns this reading makes it unclear.
	 */
	private void takeAll(Map<String, String> given) {
		for (Map.Entry<String, String> entry : given.entrySet()) {
			String name = entry.getKey();
			if (PlainBinding.STARTER_NAMES.contains(name)) {
				this.values.putIfAbsent(name, entry.getValue());
			}
			else if (!PlainBinding.CORE_NAMES.contains(name)) {
				unclear = true;
			}
		}
	}

	private void readEnvironment(Map<String, String> environment) {
		Set<String> named = new HashSet<>();
		for (Map.Entry<String, String> entry : environment.entrySet()) {
			String variable = entry.getKey();
			if (!concerns(variable)) {
				continue;
			}
			String property = propertyOfVariable(variable);
			if (property == null || !named.add(property)) {
				// Another relaxed form, or two variables for one property.
				unclear = true;
			}
			else if (PlainBinding.STARTER_NAMES.contains(property)) {
				this.values.putIfAbsent(property, entry.getValue());
			}
		}
	}

	/**
	 * Returns the starter's property that an environment variable names in one of the two
	 * forms Spring Boot binds ({@code DAEMONIKER_PID_FILE}, {@code DAEMONIKER_PIDFILE}),
	 * or {@code null}.
	 */
	private static @Nullable String propertyOfVariable(String variable) {
		for (String property : PlainBinding.STARTER_NAMES) {
			if (variable.equals(variableOf(property, "_")) || variable.equals(variableOf(property, ""))) {
				return property;
			}
		}
		for (String property : PlainBinding.CORE_NAMES) {
			if (variable.equals(variableOf(property, "_"))) {
				return property;
			}
		}
		return null;
	}

	private static String variableOf(String property, String dash) {
		return property.toUpperCase(Locale.ROOT).replace(".", "_").replace("-", dash);
	}

	/**
	 * Whether Spring Boot could read this name, in any of its relaxed forms, as one of
	 * the starter's or core's properties, or as one that moves or selects configuration.
	 */
	private static boolean concerns(String name) {
		String bare = bare(name);
		if (bare.startsWith(STARTER_PREFIX)) {
			return true;
		}
		for (String prefix : SPRING_PREFIXES) {
			if (bare.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	private static String bare(String name) {
		StringBuilder bare = new StringBuilder(name.length());
		for (int i = 0; i < name.length(); i++) {
			char c = Character.toLowerCase(name.charAt(i));
			if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
				bare.append(c);
			}
		}
		return bare.toString();
	}

}
