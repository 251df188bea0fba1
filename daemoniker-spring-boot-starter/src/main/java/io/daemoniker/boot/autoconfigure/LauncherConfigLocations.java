/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.boot.autoconfigure;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import io.daemoniker.Daemoniker;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes a daemon that starts in another working directory load the configuration files
 * that its launcher loaded. Spring Boot looks for {@code application.properties} in
 * {@code ./} and {@code ./config/}, and resolves relative {@code spring.config.location},
 * {@code spring.config.additional-location} and {@code spring.config.import} entries,
 * against the working directory; in the daemon, just before those files are looked for,
 * this resolves them against the launcher's directory instead. Classpath locations,
 * profiles, {@code SPRING_APPLICATION_JSON} and the other sources need nothing: the
 * daemon has the launcher's class path, arguments and environment.
 */
public final class LauncherConfigLocations implements EnvironmentPostProcessor, Ordered {

	/**
	 * The system property through which the launcher tells the daemon its working
	 * directory, set only when the daemon's is another.
	 */
	public static final String LAUNCH_DIRECTORY_PROPERTY = "daemoniker.launch-directory";

	static final String PROPERTY_SOURCE_NAME = "daemoniker-launcher-config-locations";

	/**
	 * Spring Boot's default locations, the file ones relative to the working directory.
	 */
	private static final String DEFAULT_LOCATIONS = "optional:classpath:/;optional:classpath:/config/,"
			+ "optional:file:./;optional:file:./config/;optional:file:./config/*/";

	private static final List<String> LOCATION_PROPERTIES = List.of("spring.config.location",
			"spring.config.additional-location", "spring.config.import");

	private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:.*");

	/**
	 * Creates the post-processor; called by Spring Boot.
	 */
	public LauncherConfigLocations() {
	}

	@Override
	public int getOrder() {
		// After SPRING_APPLICATION_JSON, which may hold locations, and before the files
		// are loaded.
		return ConfigDataEnvironmentPostProcessor.ORDER - 1;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String launchDirectory = System.getProperty(LAUNCH_DIRECTORY_PROPERTY);
		if (launchDirectory == null || !Daemoniker.isDaemon()) {
			return;
		}
		Map<String, Object> locations = new LinkedHashMap<>(rewrite(environment::getProperty, launchDirectory));
		environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, locations));
	}

	/**
	 * Returns the location properties with every relative file location resolved against
	 * the launcher's directory; without {@code spring.config.location}, Spring Boot's
	 * default locations are given that way.
	 * @param properties the environment's properties
	 * @param launchDirectory the launcher's working directory
	 * @return the properties to put in front of the others
	 */
	static Map<String, String> rewrite(Function<String, @Nullable String> properties, String launchDirectory) {
		Map<String, String> rewritten = new LinkedHashMap<>();
		for (String name : LOCATION_PROPERTIES) {
			String value = properties.apply(name);
			if (value == null && "spring.config.location".equals(name)) {
				value = DEFAULT_LOCATIONS;
			}
			if (value != null) {
				rewritten.put(name, locations(value, Path.of(launchDirectory)));
			}
		}
		return rewritten;
	}

	private static String locations(String value, Path directory) {
		List<String> groups = new ArrayList<>();
		for (String group : value.split(",", -1)) {
			List<String> entries = new ArrayList<>();
			for (String entry : group.split(";", -1)) {
				entries.add(location(entry.strip(), directory));
			}
			groups.add(String.join(";", entries));
		}
		return String.join(",", groups);
	}

	private static String location(String entry, Path directory) {
		String optional = entry.startsWith("optional:") ? "optional:" : "";
		String rest = entry.substring(optional.length());
		String prefix = rest.startsWith("file:") ? "file:" : rest.startsWith("configtree:") ? "configtree:" : "";
		String path = rest.substring(prefix.length());
		if (path.isEmpty() || (prefix.isEmpty() && SCHEME.matcher(path).matches())) {
			return entry;
		}
		// Spring Boot allows one wildcard, as the last directory: "config/*/".
		String wildcard = (path.endsWith("*/") || path.endsWith("*\\")) ? path.substring(path.length() - 2) : "";
		String base = path.substring(0, path.length() - wildcard.length());
		if (!base.isEmpty() && Path.of(base).isAbsolute()) {
			return entry;
		}
		String resolved = directory.resolve(base).normalize().toString();
		// A trailing separator marks a directory location; resolving drops it.
		boolean directoryLocation = base.isEmpty() || base.endsWith("/") || base.endsWith("\\") || base.equals(".");
		String separator = directoryLocation && !resolved.endsWith(directory.getFileSystem().getSeparator())
				? directory.getFileSystem().getSeparator() : "";
		return optional + (prefix.isEmpty() ? "file:" : prefix) + resolved + separator + wildcard;
	}

}
