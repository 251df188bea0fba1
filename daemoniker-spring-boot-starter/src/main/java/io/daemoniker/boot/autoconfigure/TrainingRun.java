/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.boot.autoconfigure;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.springframework.core.SpringProperties;

/**
 * Recognises a run that only trains a start-up cache, as Spring Boot documents for CDS
 * and the JDK's AOT cache: the application refreshes its context and exits
 * ({@code spring.context.exit}), or the JVM records an archive or cache as it runs. Such
 * a run must stay in the foreground: a daemon would record its archive in another
 * process, after the launcher has ended, and leave a PID file behind.
 */
final class TrainingRun {

	/** JVM options that record a CDS archive, an AOT cache or its configuration. */
	private static final List<String> RECORDING_OPTIONS = List.of("-XX:ArchiveClassesAtExit=", "-XX:AOTCacheOutput=",
			"-XX:AOTMode=record", "-XX:DumpLoadedClassList=");

	/**
	 * Spring Framework's properties that end the JVM, or checkpoint it, once the context
	 * is refreshed.
	 */
	private static final List<String> EXIT_PROPERTIES = List.of("spring.context.exit", "spring.context.checkpoint");

	private static final String ON_REFRESH = "onRefresh";

	private TrainingRun() {
	}

	/**
	 * Returns why this JVM is a training run, or nothing if it is not.
	 * @return the setting that makes it one
	 */
	static Optional<String> detect() {
		return detect(SpringProperties::getProperty, ManagementFactory.getRuntimeMXBean().getInputArguments());
	}

	/**
	 * Returns why a JVM with these settings is a training run, or nothing if it is not.
	 * @param springProperties the Spring properties, which Spring Framework reads from
	 * system properties and {@code spring.properties}, not from the environment
	 * @param jvmArguments the JVM's input arguments, those from {@code JDK_JAVA_OPTIONS}
	 * and {@code JAVA_TOOL_OPTIONS} included
	 * @return the setting that makes it one
	 */
	static Optional<String> detect(Function<String, @Nullable String> springProperties, List<String> jvmArguments) {
		for (String property : EXIT_PROPERTIES) {
			String value = springProperties.apply(property);
			if (ON_REFRESH.equalsIgnoreCase(value)) {
				return Optional.of(property + "=" + value);
			}
		}
		return jvmArguments.stream()
			.filter((argument) -> RECORDING_OPTIONS.stream().anyMatch(argument::startsWith))
			.findFirst();
	}

}
