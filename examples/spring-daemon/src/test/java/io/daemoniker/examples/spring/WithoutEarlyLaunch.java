/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.examples.spring;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.SpringApplication;

/**
 * The example's application with a {@code main} that leaves everything to the starter, as
 * an application without {@link io.daemoniker.boot.EarlyLaunch} has.
 */
public final class WithoutEarlyLaunch {

	private WithoutEarlyLaunch() {
	}

	/**
	 * Starts the application as {@link SpringDaemonApplication} does, without its first
	 * line.
	 * @param args the command line
	 */
	public static void main(String[] args) {
		SpringApplication.run(SpringDaemonApplication.class, args);
	}

	/**
	 * Returns what starts this class from the packaged jar, whose own main class is
	 * {@link SpringDaemonApplication}: Spring Boot's {@code PropertiesLauncher}, told to
	 * add this class's directory to the jar's class path and to run this class.
	 * @return the JVM's arguments from {@code -cp} on
	 */
	static List<String> startingFromThePackagedJar() throws URISyntaxException {
		Path classes = Path.of(WithoutEarlyLaunch.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		return List.of("-Dloader.path=" + classes, "-Dloader.main=" + WithoutEarlyLaunch.class.getName(), "-cp",
				System.getProperty("daemoniker.test.jar"), "org.springframework.boot.loader.launch.PropertiesLauncher");
	}

}
