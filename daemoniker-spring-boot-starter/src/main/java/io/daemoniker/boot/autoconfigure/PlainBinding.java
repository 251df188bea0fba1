/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.boot.autoconfigure;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.daemoniker.RunMode;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Reads the {@code daemoniker.*} properties that an application has at Spring Boot's
 * first event without Spring Boot's {@code Binder}, whose conversion service is most of
 * what the launcher does between that event and the start of the daemon. It reads only
 * what it can read as the {@code Binder} does: every property under one of the starter's
 * names (in any of Spring Boot's relaxed forms, with no index), each value in a plain
 * form (a path of plain characters that names no class path resource, a duration as
 * {@link DurationStyle} reads it, {@code true} or {@code false}, a mode by its name, a
 * comma-separated list without blanks, no placeholder, nothing empty). For anything else
 * it reads nothing and the caller binds as before, so that a bad value is refused with
 * the {@code Binder}'s own message before anything starts. The daemon reads the same way,
 * and once its environment is prepared compares what it read with the {@code Binder}'s
 * reading (see {@link LaunchSettings}).
 */
final class PlainBinding {

	private static final ConfigurationPropertyName PREFIX = ConfigurationPropertyName.of("daemoniker");

	/** Characters that no URL scheme, placeholder or drive letter can be read into. */
	private static final Pattern PLAIN_PATH = Pattern.compile("[A-Za-z0-9/._+@~=-]+");

	private static final Pattern PLAIN_ELEMENT = Pattern.compile("[^\\s,${}\\[\\]]+");

	/**
	 * System properties and environment variables of the core's, never bound to the
	 * starter's properties: the daemon's marker and its launcher's directory are on every
	 * daemon's command line, and a daemon that the shell prepared has
	 * {@code DAEMONIKER_START} in its environment.
	 */
	static final List<String> CORE_NAMES = List.of("daemoniker.daemon",
			LauncherConfigLocations.LAUNCH_DIRECTORY_PROPERTY, "daemoniker.start", "daemoniker.flock",
			"daemoniker.spawner", "daemoniker.progress", "daemoniker.jna.cache", "daemoniker.windows.channel");

	private static final List<Property> PROPERTIES = List.of(
			new Property("daemoniker.pid-file", Kind.PATH, (p, v) -> p.setPidFile((Path) v)),
			new Property("daemoniker.mode", Kind.MODE, (p, v) -> p.setMode((RunMode) v)),
			new Property("daemoniker.stdout", Kind.PATH, (p, v) -> p.setStdout((Path) v)),
			new Property("daemoniker.stderr", Kind.PATH, (p, v) -> p.setStderr((Path) v)),
			new Property("daemoniker.stdin", Kind.PATH, (p, v) -> p.setStdin((Path) v)),
			new Property("daemoniker.working-directory", Kind.PATH, (p, v) -> p.setWorkingDirectory((Path) v)),
			new Property("daemoniker.umask", Kind.STRING, (p, v) -> p.setUmask((String) v)),
			new Property("daemoniker.startup-timeout", Kind.DURATION, (p, v) -> p.setStartupTimeout((Duration) v)),
			new Property("daemoniker.jvm-options", Kind.LIST, (p, v) -> p.setJvmOptions(strings(v))),
			new Property("daemoniker.shutdown-signals", Kind.LIST, (p, v) -> p.setShutdownSignals(strings(v))),
			new Property("daemoniker.user", Kind.STRING, (p, v) -> p.setUser((String) v)),
			new Property("daemoniker.group", Kind.STRING, (p, v) -> p.setGroup((String) v)),
			new Property("daemoniker.prevent-core-dumps", Kind.BOOLEAN, (p, v) -> p.setPreventCoreDumps((Boolean) v)),
			new Property("daemoniker.keep-alive", Kind.BOOLEAN, (p, v) -> p.setKeepAlive((Boolean) v)),
			new Property("daemoniker.reopen-streams-on", Kind.STRING, (p, v) -> p.setReopenStreamsOn((String) v)),
			new Property("daemoniker.systemd.extend-start-timeout", Kind.DURATION,
					(p, v) -> p.getSystemd().setExtendStartTimeout((Duration) v)),
			new Property("daemoniker.systemd.watchdog.enabled", Kind.BOOLEAN,
					(p, v) -> p.getSystemd().getWatchdog().setEnabled((Boolean) v)),
			new Property("daemoniker.systemd.watchdog.health-group", Kind.STRING,
					(p, v) -> p.getSystemd().getWatchdog().setHealthGroup((String) v)),
			new Property("daemoniker.startup-cache.enabled", Kind.BOOLEAN,
					(p, v) -> p.getStartupCache().setEnabled((Boolean) v)),
			new Property("daemoniker.startup-cache.directory", Kind.PATH,
					(p, v) -> p.getStartupCache().setDirectory((Path) v)));

	/** The names of the starter's properties, in their canonical form. */
	static final List<String> STARTER_NAMES = names(PROPERTIES);

	private PlainBinding() {
	}

	/**
	 * Returns the properties, or nothing when one of them is not given plainly.
	 * @param environment the environment at Spring Boot's first event, with its
	 * configuration property sources attached
	 * @param classLoader the application's class loader, in which a path must name no
	 * resource: Spring's conversion of a path would look there first
	 * @return the properties
	 */
	static Optional<DaemonikerProperties> read(ConfigurableEnvironment environment, ClassLoader classLoader) {
		List<ConfigurationPropertySource> sources = new ArrayList<>();
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			if (!(source instanceof IterableConfigurationPropertySource iterable)) {
				return Optional.empty();
			}
			try (Stream<ConfigurationPropertyName> names = iterable.stream()) {
				if (names.filter(PREFIX::isAncestorOf)
					.filter((name) -> !isCore(name))
					.anyMatch((name) -> property(name) == null)) {
					// An index, a group given a value, a typo: the Binder's to judge.
					return Optional.empty();
				}
			}
			sources.add(source);
		}
		Map<String, Object> values = new HashMap<>();
		for (Property property : PROPERTIES) {
			Object value = valueOf(sources, ConfigurationPropertyName.of(property.name()));
			if (value != null) {
				values.put(property.name(), value);
			}
		}
		return convert(values, classLoader);
	}

	/**
	 * Returns the properties given as text by their canonical names (see
	 * {@link PlainSources}), or nothing when one of them is not given plainly.
	 * @param values the values by the properties' names
	 * @param classLoader the application's class loader, in which a path must name no
	 * resource
	 * @return the properties
	 */
	static Optional<DaemonikerProperties> read(Map<String, String> values, ClassLoader classLoader) {
		return convert(new HashMap<>(values), classLoader);
	}

	private static Optional<DaemonikerProperties> convert(Map<String, Object> values, ClassLoader classLoader) {
		DaemonikerProperties properties = new DaemonikerProperties();
		for (Property property : PROPERTIES) {
			Object value = values.get(property.name());
			if (value == null) {
				continue;
			}
			Optional<Object> converted = (value instanceof String text) ? property.kind().convert(text, classLoader)
					: Optional.empty();
			if (converted.isEmpty()) {
				return Optional.empty();
			}
			property.setter().accept(properties, converted.get());
		}
		return Optional.of(properties);
	}

	private static boolean isCore(ConfigurationPropertyName name) {
		for (String core : CORE_NAMES) {
			if (ConfigurationPropertyName.of(core).equals(name)) {
				return true;
			}
		}
		return false;
	}

	private static List<String> names(List<Property> properties) {
		List<String> names = new ArrayList<>(properties.size());
		for (Property property : properties) {
			names.add(property.name());
		}
		return List.copyOf(names);
	}

	/**
	 * Returns the starter's property of that name. An environment variable's name reads
	 * with every {@code _} as a dot ({@code DAEMONIKER_PID_FILE} as
	 * {@code daemoniker.pid.file}), so names are compared without their dots and dashes;
	 * the value itself is looked up under the property's own name, as the Binder does.
	 */
	private static @Nullable Property property(ConfigurationPropertyName name) {
		if (name.toString().contains("[")) {
			return null;
		}
		String joined = joined(name);
		for (Property property : PROPERTIES) {
			ConfigurationPropertyName candidate = ConfigurationPropertyName.of(property.name());
			if (candidate.equals(name) || joined(candidate).equals(joined)) {
				return property;
			}
		}
		return null;
	}

	private static String joined(ConfigurationPropertyName name) {
		StringBuilder joined = new StringBuilder();
		for (int i = 0; i < name.getNumberOfElements(); i++) {
			joined.append(name.getElement(i, ConfigurationPropertyName.Form.UNIFORM));
		}
		return joined.toString();
	}

	/**
	 * Returns the value of the first source that has the property, as the {@code Binder}
	 * finds it.
	 */
	private static @Nullable Object valueOf(List<ConfigurationPropertySource> sources, ConfigurationPropertyName name) {
		for (ConfigurationPropertySource source : sources) {
			ConfigurationProperty property = source.getConfigurationProperty(name);
			if (property != null) {
				return property.getValue();
			}
		}
		return null;
	}

	@SuppressWarnings("unchecked")
	private static List<String> strings(Object value) {
		return (List<String>) value;
	}

	/**
	 * A starter property: its name, the kind of its value, and how the value is set.
	 */
	private record Property(String name, Kind kind, BiConsumer<DaemonikerProperties, Object> setter) {
	}

	/**
	 * The kinds of value, each with its plain form.
	 */
	private enum Kind {

		STRING {
			@Override
			Optional<Object> plain(String value, ClassLoader classLoader) {
				return Optional.of(value);
			}
		},

		PATH {
			@Override
			Optional<Object> plain(String value, ClassLoader classLoader) {
				String resource = value.startsWith("/") ? value.substring(1) : value;
				if (!PLAIN_PATH.matcher(value).matches() || resource.isEmpty()
						|| classLoader.getResource(resource) != null) {
					return Optional.empty();
				}
				// What Spring's PathEditor, which the Binder uses, makes of a path that
				// has no URL scheme and names no class path resource; PathEditor itself
				// would set up Spring's environment, and with it logging.
				try {
					return Optional.of(Path.of(value).normalize());
				}
				catch (InvalidPathException ex) {
					return Optional.empty();
				}
			}
		},

		MODE {
			@Override
			Optional<Object> plain(String value, ClassLoader classLoader) {
				for (RunMode mode : RunMode.values()) {
					if (mode.name().equalsIgnoreCase(value)) {
						return Optional.of(mode);
					}
				}
				return Optional.empty();
			}
		},

		DURATION {
			@Override
			Optional<Object> plain(String value, ClassLoader classLoader) {
				try {
					return Optional.of(DurationStyle.detectAndParse(value));
				}
				catch (IllegalArgumentException ex) {
					return Optional.empty();
				}
			}
		},

		BOOLEAN {
			@Override
			Optional<Object> plain(String value, ClassLoader classLoader) {
				String lower = value.toLowerCase(Locale.ROOT);
				return ("true".equals(lower) || "false".equals(lower)) ? Optional.of(Boolean.valueOf(lower))
						: Optional.empty();
			}
		},

		LIST {
			@Override
			Optional<Object> plain(String value, ClassLoader classLoader) {
				List<String> elements = new ArrayList<>();
				for (String element : value.split(",", -1)) {
					if (!PLAIN_ELEMENT.matcher(element).matches()) {
						return Optional.empty();
					}
					elements.add(element);
				}
				return Optional.of(elements);
			}
		};

		/**
		 * Returns the value converted, or nothing when it is empty, has a placeholder, or
		 * is not in this kind's plain form.
		 */
		Optional<Object> convert(String value, ClassLoader classLoader) {
			if (value.isEmpty() || !value.strip().equals(value) || value.contains("${")) {
				return Optional.empty();
			}
			return plain(value, classLoader);
		}

		abstract Optional<Object> plain(String value, ClassLoader classLoader);

	}

}
