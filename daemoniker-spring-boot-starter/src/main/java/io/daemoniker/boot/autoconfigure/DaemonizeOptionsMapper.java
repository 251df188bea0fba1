/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.boot.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import io.daemoniker.DaemonizeOptions;
import io.daemoniker.RunMode;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.PropertyMapper;

/**
 * Turns {@link DaemonikerProperties} into the core's {@link DaemonizeOptions}. The core
 * judges every value it takes; a value it refuses is reported as an
 * {@link IllegalArgumentException} whose message starts with the property's name, so that
 * {@code daemoniker.umask=1000} reads as such and not as the core's {@code umask()}. The
 * few properties that the core never sees are judged here, so that one call refuses every
 * bad value before anything starts.
 */
final class DaemonizeOptionsMapper {

	/**
	 * The shortest extension worth asking systemd for: it is asked for every third of it.
	 */
	private static final Duration SHORTEST_EXTENSION = Duration.ofSeconds(1);

	private DaemonizeOptionsMapper() {
	}

	/**
	 * Returns the core's options for running with these properties.
	 * @param properties the properties
	 * @param mode {@link RunMode#DAEMON} or {@link RunMode#FOREGROUND}
	 * @return the options, with readiness confirmed by the starter
	 * @throws IllegalArgumentException if a property has a value that cannot be used,
	 * naming the property
	 */
	static DaemonizeOptions toOptions(DaemonikerProperties properties, RunMode mode) {
		checkStarterOnly(properties);
		DaemonizeOptions.Builder builder = DaemonizeOptions.builder().mode(mode).manualReadiness(true);
		PropertyMapper map = PropertyMapper.get();
		map.from(properties::getWorkingDirectory).to(named("daemoniker.working-directory", builder::chdir));
		map.from(properties::getStdin).to(named("daemoniker.stdin", builder::stdin));
		map.from(properties::getStdout).to(named("daemoniker.stdout", builder::stdout));
		map.from(properties::getStderr).to(named("daemoniker.stderr", builder::stderr));
		map.from(properties::getUmask).as(DaemonizeOptionsMapper::octal).to(named("daemoniker.umask", builder::umask));
		map.from(properties::getStartupTimeout).to(named("daemoniker.startup-timeout", builder::successTimeout));
		map.from(properties::getJvmOptions)
			.as((options) -> options.toArray(String[]::new))
			.to(named("daemoniker.jvm-options", builder::jvmOptions));
		map.from(properties::getUser).to(named("daemoniker.user", builder::user));
		map.from(properties::getGroup).to(named("daemoniker.group", builder::group));
		map.from(properties::isPreventCoreDumps).to(named("daemoniker.prevent-core-dumps", builder::preventCoreDumps));
		map.from(properties::getReopenStreamsOn).to(named("daemoniker.reopen-streams-on", builder::reopenStreamsOn));
		DaemonikerProperties.StartupCache cache = properties.getStartupCache();
		map.from(cache::isEnabled).whenTrue().toCall(() -> builder.startupCache(true));
		map.from(cache::getDirectory)
			.when((directory) -> cache.isEnabled())
			.to(named("daemoniker.startup-cache.directory", (directory) -> builder.startupCache(directory)));
		return builder.build();
	}

	/**
	 * Returns the numbers of the signals that shut the application down.
	 * @param properties the properties
	 * @return the signal numbers, in the order given
	 * @throws IllegalArgumentException if a signal cannot be handled, naming the property
	 */
	static Set<Integer> shutdownSignalNumbers(DaemonikerProperties properties) {
		Set<Integer> numbers = new LinkedHashSet<>();
		List<String> names = properties.getShutdownSignals();
		names.forEach(named("daemoniker.shutdown-signals", (name) -> numbers.add(Signals.number(name))));
		return numbers;
	}

	private static void checkStarterOnly(DaemonikerProperties properties) {
		shutdownSignalNumbers(properties);
		startTimeoutExtension(properties.getSystemd());
	}

	/**
	 * Returns the start timeout extension, refused with the property's name when it is
	 * neither 0 nor 1 second or more.
	 * @param systemd the systemd settings
	 * @return the extension, {@link Duration#ZERO} when off
	 */
	static Duration startTimeoutExtension(DaemonikerProperties.Systemd systemd) {
		Duration extension = systemd.getExtendStartTimeout();
		if (extension.isNegative() || (!extension.isZero() && extension.compareTo(SHORTEST_EXTENSION) < 0)) {
			throw new IllegalArgumentException("daemoniker.systemd.extend-start-timeout \"" + extension
					+ "\" is out of range; use 1s or more, or 0 to turn it off");
		}
		return extension;
	}

	private static int octal(String umask) {
		String digits = umask.strip();
		if (!digits.matches("[0-7]{1,4}")) {
			throw new IllegalArgumentException("daemoniker.umask \"" + umask
					+ "\" is not an octal file creation mask; use octal digits such as 027");
		}
		return Integer.parseInt(digits, 8);
	}

	/**
	 * Wraps a setter of the core's builder so that what it refuses names the property.
	 */
	private static <T> Consumer<T> named(String property, Consumer<@Nullable T> setter) {
		return (value) -> {
			try {
				setter.accept(value);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException(property + ": " + ex.getMessage(), ex);
			}
		};
	}

}
