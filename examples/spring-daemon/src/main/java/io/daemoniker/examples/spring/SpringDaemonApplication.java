/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.examples.spring;

import io.daemoniker.boot.EarlyLaunch;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot web application that runs as a daemon through the Daemoniker starter:
 *
 * <pre>
 * java -jar spring-daemon.jar --daemoniker.pid-file=app.pid --daemoniker.stdout=app.log --server.port=8080
 * </pre>
 *
 * The launcher prints the daemon's PID once the application is ready, and exits.
 * {@code kill -HUP} logs {@code reload requested}; {@code kill -TERM}, {@code daemoniker
 * stop app.pid} or {@code POST /actuator/daemoniker} stop it gracefully.
 */
@SpringBootApplication
public class SpringDaemonApplication {

	/**
	 * Starts the application. The first line is optional: with the PID file on the
	 * command line, it starts the daemon before Spring Boot starts, and spares the
	 * launcher Spring Boot's own start-up; without it, the starter starts the daemon at
	 * Spring Boot's first event.
	 * @param args the command line
	 */
	public static void main(String[] args) {
		EarlyLaunch.beforeSpring(SpringDaemonApplication.class, args);
		SpringApplication.run(SpringDaemonApplication.class, args);
	}

}
