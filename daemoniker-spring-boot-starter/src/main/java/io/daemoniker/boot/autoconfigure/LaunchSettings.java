/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.boot.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The properties that the launcher acts on, by name. A launcher that starts the daemon at
 * Spring Boot's first event reads them before the configuration files; the daemon, once
 * its environment is prepared, compares them with what the whole configuration says, so
 * that a value that only a later source sets (default properties set in code, say) fails
 * the start instead of being silently ignored.
 */
final class LaunchSettings {

	private LaunchSettings() {
	}

	/**
	 * Returns the names of the launcher's properties whose values differ.
	 * @param early the properties as the launcher read them
	 * @param full the properties of the prepared environment
	 * @return the property names, empty when they agree
	 */
	static List<String> differences(DaemonikerProperties early, DaemonikerProperties full) {
		Map<String, Object> before = of(early);
		Map<String, Object> after = of(full);
		List<String> names = new ArrayList<>();
		before.forEach((name, value) -> {
			if (!Objects.equals(value, after.get(name))) {
				names.add(name);
			}
		});
		return names;
	}

	private static Map<String, Object> of(DaemonikerProperties properties) {
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("daemoniker.pid-file", String.valueOf(properties.getPidFile()));
		settings.put("daemoniker.mode", properties.getMode());
		settings.put("daemoniker.working-directory", String.valueOf(properties.getWorkingDirectory()));
		settings.put("daemoniker.stdin", String.valueOf(properties.getStdin()));
		settings.put("daemoniker.stdout", String.valueOf(properties.getStdout()));
		settings.put("daemoniker.stderr", String.valueOf(properties.getStderr()));
		settings.put("daemoniker.umask", properties.getUmask());
		settings.put("daemoniker.startup-timeout", properties.getStartupTimeout());
		settings.put("daemoniker.jvm-options", properties.getJvmOptions());
		settings.put("daemoniker.user", String.valueOf(properties.getUser()));
		settings.put("daemoniker.group", String.valueOf(properties.getGroup()));
		settings.put("daemoniker.prevent-core-dumps", properties.isPreventCoreDumps());
		settings.put("daemoniker.reopen-streams-on", properties.getReopenStreamsOn());
		settings.put("daemoniker.startup-cache.enabled", properties.getStartupCache().isEnabled());
		settings.put("daemoniker.startup-cache.directory", String.valueOf(properties.getStartupCache().getDirectory()));
		return settings;
	}

}
