/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.boot.autoconfigure;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import io.daemoniker.DaemonHandle;
import io.daemoniker.Daemoniker;
import io.daemoniker.DaemonikerException;
import io.daemoniker.RunMode;
import io.daemoniker.systemd.Supervision;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.StringUtils;

/**
 * Daemonizes a Spring Boot application before its application context exists, and tells
 * the launcher once the daemon's context is ready or has failed to start. Registered in
 * {@code META-INF/spring.factories}: a listener that runs this early cannot be a bean.
 * <p>
 * It does nothing unless {@code daemoniker.pid-file} is set. Otherwise, depending on
 * {@code daemoniker.mode}:
 * <ul>
 * <li>in the launcher, in daemon mode, it starts the daemon, waits until the daemon's
 * application context is ready, prints one line with its PID and PID file, and ends the
 * JVM with status 0; if the daemon fails to start, it prints why and ends the JVM with
 * status 1;</li>
 * <li>in the daemon, it takes the PID file and redirects the standard streams, and later
 * confirms readiness on {@link ApplicationReadyEvent} or reports the failure on
 * {@link ApplicationFailedEvent} and ends the daemon with status 1;</li>
 * <li>in foreground mode, it takes and locks the PID file for the life of the JVM,
 * applies the process settings (user, core dumps), and under systemd
 * ({@code NOTIFY_SOCKET}) reports readiness on {@link ApplicationReadyEvent}.</li>
 * </ul>
 * The launcher and the daemon act at Spring Boot's first event,
 * {@link ApplicationStartingEvent}, before logging starts and before any configuration
 * file is read, when the command line, the system properties or the environment variables
 * name the PID file and no configuration file can set the starter's properties (see
 * {@link LaterConfiguration}); otherwise, and in the foreground, as soon as the
 * environment is prepared. It acts once per JVM, however many applications (or DevTools
 * restarts) the JVM runs.
 */
public final class DaemonizingApplicationListener implements GenericApplicationListener {

	/**
	 * The order of this listener: after the environment is prepared and before
	 * {@link LoggingApplicationListener}, so that the launcher relaunches before any log
	 * file is opened and the daemon redirects its streams before logging starts.
	 */
	public static final int ORDER = LoggingApplicationListener.DEFAULT_ORDER - 5;

	/**
	 * The system property that marks the JVM as handled. A system property, not a static
	 * field: DevTools loads the application again in a new class loader.
	 */
	static final String HANDLED_PROPERTY = "io.daemoniker.boot.handled";

	private static final String PID_FILE_PROPERTY = "daemoniker.pid-file";

	/** Set by GraalVM in a native image, at build time and at run time. */
	static final String NATIVE_IMAGE_PROPERTY = "org.graalvm.nativeimage.imagecode";

	/**
	 * Whether the application that handled this JVM keeps alive, so that a later one (a
	 * DevTools restart) does too.
	 */
	private static volatile boolean keepAlive;

	/**
	 * The properties that a daemon started at the first event was started with, until its
	 * prepared environment is compared with them.
	 */
	private static volatile @Nullable DaemonikerProperties startedEarlyWith;

	/** The environment that {@link #startedEarlyWith} was read from. */
	private static volatile @Nullable ConfigurableEnvironment startedEarlyFrom;

	/**
	 * Creates the listener; called by Spring Boot.
	 */
	public DaemonizingApplicationListener() {
	}

	/**
	 * Forgets that this JVM was handled, so that tests can run several applications.
	 */
	static void reset() {
		keepAlive = false;
		startedEarlyWith = null;
		startedEarlyFrom = null;
		System.clearProperty(HANDLED_PROPERTY);
	}

	@Override
	public boolean supportsEventType(ResolvableType eventType) {
		Class<?> type = eventType.getRawClass();
		return type != null && (ApplicationStartingEvent.class.isAssignableFrom(type)
				|| ApplicationEnvironmentPreparedEvent.class.isAssignableFrom(type)
				|| ApplicationReadyEvent.class.isAssignableFrom(type)
				|| ApplicationFailedEvent.class.isAssignableFrom(type));
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		if (event instanceof ApplicationStartingEvent starting) {
			onStarting(starting.getArgs(), starting.getSpringApplication().getClassLoader());
		}
		else if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
			onEnvironmentPrepared(prepared.getEnvironment(), prepared.getSpringApplication());
		}
		else if (event instanceof ApplicationReadyEvent) {
			Daemoniker.notifyReady();
		}
		else if (event instanceof ApplicationFailedEvent failed
				&& (Daemoniker.isDaemon() || System.getProperty(HANDLED_PROPERTY) != null)) {
			onStartFailed(failed);
		}
	}

	/**
	 * Starts the daemon, or becomes it, at once when everything the launcher acts on is
	 * known already. Spring Boot reports nothing that fails here, so the launcher and the
	 * daemon report it themselves, as the core does.
	 */
	private void onStarting(String[] args, ClassLoader classLoader) {
		if (DaemonLaunch.handledOrNativeImage()) {
			return;
		}
		Optional<EarlyReading> known = knownBeforeConfiguration(args, classLoader);
		if (known.isEmpty()) {
			return;
		}
		DaemonikerProperties properties = known.get().properties();
		if (Daemoniker.isDaemon()) {
			System.setProperty(HANDLED_PROPERTY, "true");
			startedEarlyWith = properties;
			startedEarlyFrom = known.get().environment();
			// The core's daemonize tells the launcher and ends the daemon if it fails.
			Daemoniker.daemonize(DaemonLaunch.pidFile(properties), DaemonLaunch.options(properties, RunMode.DAEMON));
			return;
		}
		DaemonLaunch.launchUnlessForeground(properties);
	}

	/**
	 * Starts the daemon and ends this JVM, as the listener does at Spring Boot's first
	 * event, when this JVM is a launcher and everything the launcher acts on is known
	 * already; otherwise returns, and the listener acts at Spring Boot's events as it
	 * would have: the reading of {@link BeforeSpringLaunch} for properties that are not
	 * given plainly.
	 * @param args the application's arguments
	 * @param classLoader the class loader of the application's classes and configuration
	 * files
	 */
	static void launchBeforeSpring(String[] args, ClassLoader classLoader) {
		if (Daemoniker.isDaemon() || DaemonLaunch.handledOrNativeImage()) {
			return;
		}
		Optional<EarlyReading> known = knownBeforeConfiguration(args, classLoader);
		if (known.isPresent()) {
			DaemonLaunch.launchUnlessForeground(known.get().properties());
		}
	}

	/**
	 * Returns the starter's properties if the command line, the system properties and the
	 * environment variables name the PID file and nothing read later can set them;
	 * nothing otherwise, and for a training run's launcher, which runs in the foreground.
	 */
	private static Optional<EarlyReading> knownBeforeConfiguration(String[] args, ClassLoader classLoader) {
		ConfigurableEnvironment early = StartingEnvironment.of(args);
		if (!StringUtils.hasText(early.getProperty(PID_FILE_PROPERTY))
				|| (TrainingRun.detect().isPresent() && !Daemoniker.isDaemon())
				|| LaterConfiguration.reasonToWait(early, PidFileLocation.startDirectory(), classLoader).isPresent()) {
			return Optional.empty();
		}
		try {
			// Plainly given values need no Binder, whose conversion service would be most
			// of the launcher's work before the daemon starts.
			return Optional
				.of(new EarlyReading(early, PlainBinding.read(early, classLoader).orElseGet(() -> bind(early))));
		}
		catch (IllegalStateException ex) {
			// Reported once the environment is prepared, as any invalid configuration.
			return Optional.empty();
		}
	}

	private void onEnvironmentPrepared(ConfigurableEnvironment environment, SpringApplication application) {
		if (!StringUtils.hasText(environment.getProperty(PID_FILE_PROPERTY))) {
			return;
		}
		if (System.getProperty(NATIVE_IMAGE_PROPERTY) != null) {
			throw new IllegalStateException("daemoniker: daemoniker.pid-file is set, but this application is a "
					+ "GraalVM native image, which Daemoniker does not support: it daemonizes by starting the JVM's "
					+ "own command line again and binds the C library through JNA. Run the application on a JVM, "
					+ "or unset daemoniker.pid-file and leave the process to its supervisor");
		}
		Optional<String> training = TrainingRun.detect();
		if (training.isPresent() && !Daemoniker.isDaemon()) {
			System.err.println("daemoniker: training run (" + training.get()
					+ "): running in the foreground, without daemonizing or a PID file");
			return;
		}
		DaemonikerProperties early = startedEarlyWith;
		ConfigurableEnvironment earlyEnvironment = startedEarlyFrom;
		if (early != null && earlyEnvironment != null) {
			startedEarlyWith = null;
			startedEarlyFrom = null;
			DaemonikerProperties properties = bind(environment);
			checkReadAsBound(early, earlyEnvironment);
			checkStartedWith(early, properties);
			keepAlive(application, properties);
			return;
		}
		if (System.getProperties().putIfAbsent(HANDLED_PROPERTY, "true") != null) {
			// A later application in this JVM (a DevTools restart, say): the PID file is
			// held already, so only the keep-alive needs restoring.
			if (keepAlive) {
				application.setKeepAlive(true);
			}
			return;
		}
		DaemonikerProperties properties = bindOrExit(environment);
		Path pidFile = DaemonLaunch.pidFile(properties);
		if (Daemoniker.isDaemon()) {
			completeDaemon(pidFile, properties);
			keepAlive(application, properties);
			return;
		}
		RunMode mode = properties.getMode().resolve(Supervision.detect());
		if (mode == RunMode.FOREGROUND) {
			runInForeground(pidFile, properties);
			keepAlive(application, properties);
			return;
		}
		DaemonLaunch.launch(pidFile, DaemonLaunch.options(properties, RunMode.DAEMON));
	}

	/**
	 * Fails the daemon's start if the launcher's reading of the early properties (see
	 * {@link PlainBinding}) is not what Spring Boot's binding makes of the same sources:
	 * the daemon would run with settings other than those configured.
	 */
	private static void checkReadAsBound(DaemonikerProperties early, ConfigurableEnvironment earlyEnvironment) {
		List<String> differences = LaunchSettings.differences(early, bind(earlyEnvironment));
		if (!differences.isEmpty()) {
			throw new IllegalStateException("daemoniker: the launcher read " + String.join(", ", differences)
					+ " otherwise than Spring Boot binds " + ((differences.size() == 1) ? "it" : "them") + "; give "
					+ ((differences.size() == 1) ? "its value" : "their values")
					+ " in a plainer form, or name the PID file in a configuration file");
		}
	}

	/**
	 * Fails the daemon's start if a source that the launcher could not read yet sets a
	 * property that the launcher acts on: the daemon runs with settings other than those
	 * configured.
	 */
	private static void checkStartedWith(DaemonikerProperties early, DaemonikerProperties properties) {
		List<String> differences = LaunchSettings.differences(early, properties);
		if (!differences.isEmpty()) {
			throw new IllegalStateException("daemoniker: " + String.join(", ", differences)
					+ " set where the launcher does not read it: the launcher started the daemon before "
					+ "reading the configuration, as the PID file was given on the command line, in a "
					+ "system property or in an environment variable; give " + String.join(", ", differences)
					+ " there too, or name the PID file in a configuration file");
		}
	}

	/**
	 * Binds the properties; a launcher that cannot prints why in one line on standard
	 * error and ends with status 1. Left to Spring Boot, the failure would be logged with
	 * its stack trace on standard output, the console, before the application's logging
	 * is even set up. In the foreground the application reports it as any other failure.
	 */
	private static DaemonikerProperties bindOrExit(ConfigurableEnvironment environment) {
		try {
			DaemonikerProperties properties = bind(environment);
			if (!Daemoniker.isDaemon() && !properties.getMode().isForeground(Supervision.detect())) {
				// Every value is judged before anything starts.
				DaemonLaunch.options(properties, RunMode.DAEMON);
			}
			return properties;
		}
		catch (IllegalStateException ex) {
			if (Daemoniker.isDaemon() || runsInForeground(environment)) {
				throw ex;
			}
			DaemonLaunch.exitWith(ex.getMessage());
			throw ex;
		}
	}

	private static boolean runsInForeground(ConfigurableEnvironment environment) {
		try {
			RunMode mode = Binder.get(environment).bind("daemoniker.mode", RunMode.class).orElse(RunMode.AUTO);
			return mode.isForeground(Supervision.detect());
		}
		catch (BindException ex) {
			// The mode itself is what failed: whether this JVM would launch is unknown,
			// so the application reports it.
			return true;
		}
	}

	private static DaemonikerProperties bind(ConfigurableEnvironment environment) {
		try {
			return Binder.get(environment).bindOrCreate("daemoniker", DaemonikerProperties.class);
		}
		catch (BindException ex) {
			throw new IllegalStateException(describe(ex), ex);
		}
	}

	private static String describe(BindException ex) {
		Throwable cause = ex;
		while (cause.getCause() != null) {
			cause = cause.getCause();
		}
		return "daemoniker: invalid configuration: " + ex.getMessage()
				+ ((cause != ex) ? ": " + cause.getMessage() : "");
	}

	/**
	 * Keeps the application alive until it is stopped, as a service runs even with no
	 * thread of its own left (Spring Boot's keep-alive thread ends when the context
	 * closes), unless {@code daemoniker.keep-alive} is {@code false}; and any later
	 * application in this JVM too. Set on the {@link SpringApplication} while its
	 * environment is being prepared: Spring Boot binds {@code spring.main.*} to the
	 * application right after this event and reads the keep-alive only when it prepares
	 * the context, so a {@code spring.main.keep-alive} set anywhere in the environment
	 * still decides. The PID file and the mode need no such setting: the core's
	 * {@link DaemonHandle} holds them.
	 */
	private static void keepAlive(SpringApplication application, DaemonikerProperties properties) {
		keepAlive = properties.isKeepAlive();
		if (keepAlive) {
			application.setKeepAlive(true);
		}
	}

	private static void completeDaemon(Path pidFile, DaemonikerProperties properties) {
		try {
			Daemoniker.daemonize(pidFile, DaemonLaunch.options(properties, RunMode.DAEMON));
		}
		catch (DaemonikerException ex) {
			// The core has told the launcher already.
			throw new IllegalStateException("daemoniker: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Takes the PID file and applies the process settings without relaunching; under
	 * systemd, readiness goes to it when the context is ready.
	 */
	private static void runInForeground(Path pidFile, DaemonikerProperties properties) {
		// Daemoniker.start, not daemonize, which ends the JVM on failure: the
		// application reports it instead.
		try {
			Daemoniker.start(pidFile, DaemonLaunch.options(properties, RunMode.FOREGROUND));
		}
		catch (DaemonikerException ex) {
			throw new IllegalStateException("daemoniker: " + ex.getMessage(), ex);
		}
	}

	private static void onStartFailed(ApplicationFailedEvent event) {
		// To the launcher, or in the foreground to systemd as the unit's status.
		Daemoniker.notifyStartupFailed(StartupFailure.describe(event.getException(), event.getApplicationContext()));
		if (!Daemoniker.isDaemon()) {
			return;
		}
		// Spring Boot goes on to report the failure and close the context on this thread;
		// once that is over, the daemon must end even if the application left threads.
		Thread failing = Thread.currentThread();
		Thread exit = new Thread(() -> {
			try {
				failing.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			System.exit(1);
		}, "daemoniker-exit-after-failed-start");
		exit.setDaemon(true);
		exit.start();
	}

	/**
	 * The starter's properties as read before Spring Boot prepares the environment, and
	 * the environment they were read from.
	 */
	private record EarlyReading(ConfigurableEnvironment environment, DaemonikerProperties properties) {
	}

}
