/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.boot.autoconfigure;

import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.CommandLinePropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The properties an application has before Spring Boot prepares its environment: its
 * command-line arguments ({@code --daemoniker.pid-file=...}), the system properties and
 * the environment variables ({@code DAEMONIKER_PID_FILE}), in Spring Boot's order of
 * precedence and with its relaxed names. Configuration files, profiles,
 * {@code SPRING_APPLICATION_JSON} and the application's default properties are not among
 * them.
 */
final class StartingEnvironment {

	private StartingEnvironment() {
	}

	/**
	 * Returns the environment of an application started with these arguments.
	 * @param args the application's arguments
	 * @return the environment, with Spring Boot's relaxed names attached
	 */
	static ConfigurableEnvironment of(String[] args) {
		StandardEnvironment environment = new StandardEnvironment();
		if (args.length > 0) {
			environment.getPropertySources()
				.addFirst(new SimpleCommandLinePropertySource(
						CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME, args));
		}
		ConfigurationPropertySources.attach(environment);
		return environment;
	}

}
