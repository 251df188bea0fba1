/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.testapp;

import java.nio.file.Path;

import io.daemoniker.Daemoniker;

/**
 * Daemonizes with every default option and sleeps. Usage: {@code DefaultsApp <pid-file>}.
 */
public final class DefaultsApp {

	private DefaultsApp() {
	}

	public static void main(String[] args) throws InterruptedException {
		Daemoniker.daemonize(Path.of(args[0]));
		Thread.sleep(Long.MAX_VALUE);
	}

}
