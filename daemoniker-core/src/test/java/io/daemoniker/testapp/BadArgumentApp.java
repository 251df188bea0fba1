/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.testapp;

import java.nio.file.Path;

import io.daemoniker.Daemoniker;

/**
 * Tries to pass an object that is not plain data to its daemon.
 */
public final class BadArgumentApp {

	private BadArgumentApp() {
	}

	public static void main(String[] args) {
		Daemoniker.daemonize(Path.of(args[0]), Thread.currentThread());
	}

}
