/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.testapp;

import java.nio.file.Path;
import java.util.List;

import io.daemoniker.DaemonizeOptions;
import io.daemoniker.Daemoniker;

/**
 * Daemonizes with the application arguments stripped from the daemon's command line,
 * passing them through {@code daemonize} instead. The PID file and log come from
 * {@code test.pid} and {@code test.log}, since the daemon gets no arguments.
 */
public final class StripApp {

	private StripApp() {
	}

	public static void main(String[] args) throws InterruptedException {
		Path log = Path.of(System.getProperty("test.log"));
		DaemonizeOptions options = DaemonizeOptions.builder().stdout(log).stripCommandArguments(true).build();
		List<Object> received = Daemoniker.daemonize(Path.of(System.getProperty("test.pid")), options, List.of(args));
		System.out.println("daemon main args=" + List.of(args) + " received=" + received);
		System.out.flush();
		Thread.sleep(Long.MAX_VALUE);
	}

}
