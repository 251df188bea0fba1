/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.examples.spring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs the example through {@code mvn spring-boot:run}, offline, as a developer would.
 * The plugin resolves the starter from a local repository, and the build must not install
 * into the user's: the test gets a repository of its own, which links to the user's for
 * everything else and holds this build's artifacts, as packaged already.
 */
final class SpringBootRun {

	private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");

	private static final Pattern ARTIFACT = Pattern.compile("<artifactId>([^<]+)</artifactId>");

	private static final Pattern VERSION = Pattern.compile("<version>([^<]+)</version>");

	private SpringBootRun() {
	}

	/**
	 * Returns the {@code mvn} command that runs the example with these arguments.
	 * @param module the example's directory
	 * @param repository the local repository to use
	 * @param arguments the application's arguments
	 * @return the command
	 */
	static List<String> command(Path module, Path repository, List<String> arguments) {
		return List.of("mvn", "-o", "-q", "-B", "-Dmaven.repo.local=" + repository, "-Dspring-javaformat.skip=true",
				"-Djacoco.skip=true", "-f", module.resolve("pom.xml").toString(), "spring-boot:run",
				"-Dspring-boot.run.arguments=" + String.join(" ", arguments));
	}

	/**
	 * Builds the repository: a link to each group of the user's repository, and this
	 * build's modules, from their {@code pom.xml} and packaged jars.
	 * @param root the build's root directory
	 * @param repository the directory to build it in
	 * @return the repository
	 * @throws IOException if it cannot be built
	 */
	static Path stageRepository(Path root, Path repository) throws IOException {
		Path user = Path.of(System.getProperty("user.home"), ".m2", "repository");
		String rootPom = Files.readString(root.resolve("pom.xml"));
		String groupPath = "io/daemoniker";
		link(user, repository, groupPath);
		String version = first(VERSION, rootPom);
		Path group = repository.resolve(groupPath);
		install(group, first(ARTIFACT, rootPom), version, root.resolve("pom.xml"), null);
		Matcher modules = MODULE.matcher(rootPom);
		while (modules.find()) {
			Path module = root.resolve(modules.group(1));
			String pom = Files.readString(module.resolve("pom.xml"));
			String artifact = artifactOf(pom);
			install(group, artifact, version, module.resolve("pom.xml"), module.resolve("target"));
		}
		return repository;
	}

	/**
	 * Links every entry of the user's repository into the new one, except along the path
	 * to this build's group, which is made of real directories.
	 */
	private static void link(Path user, Path repository, String groupPath) throws IOException {
		Path source = user;
		Path target = repository;
		for (String part : groupPath.split("/")) {
			Files.createDirectories(target);
			if (Files.isDirectory(source)) {
				try (Stream<Path> entries = Files.list(source)) {
					for (Path entry : entries.toList()) {
						if (!entry.getFileName().toString().equals(part)) {
							Files.createSymbolicLink(target.resolve(entry.getFileName().toString()), entry);
						}
					}
				}
			}
			source = source.resolve(part);
			target = target.resolve(part);
		}
		Files.createDirectories(target);
	}

	private static void install(Path group, String artifact, String version, Path pom, Path target) throws IOException {
		Path directory = Files.createDirectories(group.resolve(artifact).resolve(version));
		Files.copy(pom, directory.resolve(artifact + "-" + version + ".pom"), StandardCopyOption.REPLACE_EXISTING);
		if (target == null) {
			return;
		}
		for (String suffix : List.of(".jar", "-tests.jar")) {
			Path jar = target.resolve(artifact + "-" + version + suffix);
			if (Files.exists(jar)) {
				Files.copy(jar, directory.resolve(artifact + "-" + version + suffix),
						StandardCopyOption.REPLACE_EXISTING);
			}
		}
	}

	private static String artifactOf(String pom) {
		// The first artifactId after the parent's is the module's own.
		int parentEnd = pom.indexOf("</parent>");
		return first(ARTIFACT, (parentEnd >= 0) ? pom.substring(parentEnd) : pom);
	}

	private static String first(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text.substring(Math.max(0, text.indexOf("<artifactId>") - 1)));
		if (!matcher.find()) {
			throw new IllegalStateException("no " + pattern + " in a pom.xml");
		}
		return matcher.group(1);
	}

}
