/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.boot.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Tells whether the configuration that Spring Boot loads after its first event may set
 * {@code daemoniker.*} properties, in which case the launcher must wait for it. Looked
 * at: the configuration files at Spring Boot's default locations (the class path's root
 * and {@code config/}, and {@code ./}, {@code ./config/} and {@code ./config/*}/ of the
 * directory the application was started in), with the profile-specific ones of the
 * profiles given early; a file counts when it sets a {@code daemoniker.*} property, or
 * chooses profiles or imports other configuration. Any setting that moves the
 * configuration elsewhere ({@code spring.config.*}, {@code SPRING_APPLICATION_JSON})
 * counts as well. What this cannot see (default properties set in code, environment
 * post-processors of the application) the daemon checks once its environment is prepared:
 * see {@link LaunchSettings}.
 */
final class LaterConfiguration {

	private static final List<String> RELOCATING_PROPERTIES = List.of("spring.config.location",
			"spring.config.additional-location", "spring.config.import", "spring.config.name",
			"spring.application.json");

	private static final List<String> EXTENSIONS = List.of(".properties", ".yml", ".yaml");

	/** A properties key that sets the starter, profiles or other configuration. */
	private static final Pattern RELEVANT_KEY = Pattern
		.compile("(?i)^(daemoniker[.\\[]|spring\\.(config|profiles)\\.).*");

	/**
	 * A YAML line that may do the same: a top-level {@code daemoniker} key, or a
	 * {@code config} or {@code profiles} key at any depth, which is what Spring Boot
	 * reads below {@code spring}.
	 */
	private static final Pattern RELEVANT_YAML_LINE = Pattern.compile(
			"(?i)^(daemoniker\\s*[:.\\[]|spring\\s*\\.\\s*(config|profiles)|\\s*(spring\\.)?(config|profiles)\\s*:).*");

	private LaterConfiguration() {
	}

	/**
	 * Returns why the launcher must wait for the configuration files, or nothing if they
	 * cannot set the starter's properties.
	 * @param early the environment before Spring Boot prepares it
	 * @param directory the directory the application was started in
	 * @param classLoader the application's class loader
	 * @return the reason, naming the setting or file
	 */
	static Optional<String> reasonToWait(Environment early, Path directory, ClassLoader classLoader) {
		for (String property : RELOCATING_PROPERTIES) {
			if (early.containsProperty(property)) {
				return Optional.of(property + " is set");
			}
		}
		return reasonToWait(profiles(early), directory, classLoader);
	}

	/**
	 * Returns why the launcher must wait for the configuration files, when nothing moves
	 * them elsewhere and these profiles are active, or nothing if they cannot set the
	 * starter's properties.
	 * @param profiles the profiles given early, or {@code default}
	 * @param directory the directory the application was started in
	 * @param classLoader the application's class loader
	 * @return the reason, naming the file
	 */
	static Optional<String> reasonToWait(List<String> profiles, Path directory, ClassLoader classLoader) {
		List<String> names = new ArrayList<>();
		names.add("application");
		for (String profile : profiles) {
			names.add("application-" + profile);
		}
		try {
			for (String name : names) {
				for (String extension : EXTENSIONS) {
					Optional<String> found = inClassPath(classLoader, name + extension);
					if (found.isEmpty()) {
						found = inDirectories(directory, name + extension);
					}
					if (found.isPresent()) {
						return found;
					}
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// Unreadable configuration is Spring Boot's to report; the launcher waits.
			return Optional.of("the configuration files cannot be read early: " + ex.getMessage());
		}
		return Optional.empty();
	}

	/** The profiles of an application that is given none. */
	static final List<String> DEFAULT_PROFILES = List.of("default");

	private static List<String> profiles(Environment early) {
		// Without an active profile, Spring Boot reads the files of the default one.
		List<String> profiles = new ArrayList<>(
				early.containsProperty("spring.profiles.default") ? List.of() : DEFAULT_PROFILES);
		for (String property : List.of("spring.profiles.active", "spring.profiles.include",
				"spring.profiles.default")) {
			String value = early.getProperty(property);
			if (StringUtils.hasText(value)) {
				for (String profile : StringUtils.commaDelimitedListToStringArray(value)) {
					if (!profile.isBlank()) {
						profiles.add(profile.strip());
					}
				}
			}
		}
		return profiles;
	}

	private static Optional<String> inClassPath(ClassLoader classLoader, String file) throws IOException {
		for (String resource : List.of(file, "config/" + file)) {
			for (URL url : Collections.list(classLoader.getResources(resource))) {
				try (InputStream in = url.openStream()) {
					if (sets(file, new String(in.readAllBytes(), StandardCharsets.UTF_8))) {
						return Optional.of(url + " may set daemoniker properties");
					}
				}
			}
		}
		return Optional.empty();
	}

	private static Optional<String> inDirectories(Path directory, String file) throws IOException {
		List<Path> directories = new ArrayList<>(List.of(directory, directory.resolve("config")));
		if (Files.isDirectory(directory.resolve("config"))) {
			try (DirectoryStream<Path> children = Files.newDirectoryStream(directory.resolve("config"),
					Files::isDirectory)) {
				children.forEach(directories::add);
			}
		}
		for (Path candidate : directories) {
			Path path = candidate.resolve(file);
			if (Files.isRegularFile(path) && sets(file, Files.readString(path, StandardCharsets.UTF_8))) {
				return Optional.of(path + " may set daemoniker properties");
			}
		}
		return Optional.empty();
	}

	private static boolean sets(String file, String content) throws IOException {
		if (file.toLowerCase(Locale.ROOT).endsWith(".properties")) {
			Properties properties = new Properties();
			properties.load(new StringReader(content));
			return properties.stringPropertyNames().stream().anyMatch((key) -> RELEVANT_KEY.matcher(key).matches());
		}
		return content.lines().anyMatch((line) -> RELEVANT_YAML_LINE.matcher(line).matches());
	}

}
