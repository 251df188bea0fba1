/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.testapp;

/**
 * A process that only sleeps: a child that a daemon leaves behind.
 */
public final class SleeperApp {

	private SleeperApp() {
	}

	public static void main(String[] args) throws InterruptedException {
		Thread.sleep(Long.MAX_VALUE);
	}

}
