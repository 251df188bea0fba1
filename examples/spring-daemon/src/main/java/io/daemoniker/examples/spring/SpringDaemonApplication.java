/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.examples.spring;

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
	 * Starts the application.
	 * @param args the command line
	 */
	public static void main(String[] args) {
		SpringApplication.run(SpringDaemonApplication.class, args);
	}

}
