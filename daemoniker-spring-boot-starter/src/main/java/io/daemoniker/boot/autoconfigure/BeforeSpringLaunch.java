/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.boot.autoconfigure;

import java.util.Map;
import java.util.Optional;

import io.daemoniker.Daemoniker;

import org.springframework.core.SpringProperties;

/**
 * Starts the daemon from the application's {@code main}, before Spring Boot starts: the
 * work behind {@link io.daemoniker.boot.EarlyLaunch#beforeSpring}. When the properties
 * are given plainly (see {@link PlainSources} and {@link PlainBinding}), it reads them
 * without Spring's environment, which would set up logging; otherwise it reads them as
 * the listener does at Spring Boot's first event. Either way it acts only where the
 * listener would have acted at that event.
 */
public final class BeforeSpringLaunch {

	private static final String PID_FILE_PROPERTY = "daemoniker.pid-file";

	private BeforeSpringLaunch() {
	}

	/**
	 * Starts the daemon and ends this JVM if it is a launcher that knows all it needs
	 * already; returns otherwise, and the listener acts at Spring Boot's events as it
	 * would have.
	 * @param args the application's arguments
	 * @param classLoader the class loader of the application's classes and configuration
	 * files
	 */
	public static void launchIfKnown(String[] args, ClassLoader classLoader) {
		if (Daemoniker.isDaemon() || DaemonLaunch.handledOrNativeImage()) {
			return;
		}
		Map<String, String> plain = PlainSources.read(args, System.getProperties(), System.getenv(),
				SpringProperties.getProperty("spring.getenv.ignore"));
		if (plain == null) {
			DaemonizingApplicationListener.launchBeforeSpring(args, classLoader);
			return;
		}
		if (!plain.containsKey(PID_FILE_PROPERTY) || TrainingRun.detect().isPresent()
				|| LaterConfiguration
					.reasonToWait(LaterConfiguration.DEFAULT_PROFILES, PidFileLocation.startDirectory(), classLoader)
					.isPresent()) {
			// As the listener: nothing to do before the configuration is read.
			return;
		}
		Optional<DaemonikerProperties> properties = PlainBinding.read(plain, classLoader);
		if (properties.isEmpty()) {
			// A value not given plainly: the Binder reads it, or refuses it in its words.
			DaemonizingApplicationListener.launchBeforeSpring(args, classLoader);
			return;
		}
		DaemonLaunch.launchUnlessForeground(properties.get());
	}

}
