/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.testapp;

import java.nio.file.Path;

import io.daemoniker.PidFile;
import io.daemoniker.SignalHandler1;

/**
 * Runs in the foreground and changes its {@code SIGHUP} handler as signals arrive: the
 * first {@code SIGHUP} runs handler A, which replaces itself by B; B removes itself, so
 * that the third {@code SIGHUP} gets the default handler and ends the JVM. With
 * {@code stop} as second argument, the handler is started and stopped twice before
 * anything arrives, so that the JVM's own handling is back. Usage:
 * {@code HandlerLifecycleApp <pid-file> [stop]}.
 */
public final class HandlerLifecycleApp {

	private HandlerLifecycleApp() {
	}

	public static void main(String[] args) throws InterruptedException {
		Path pidFile = Path.of(args[0]);
		PidFile.acquire(pidFile);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> print("shutdown hook ran")));
		SignalHandler1 signals = new SignalHandler1(pidFile);
		signals.setSighup((signum) -> {
			print("handler A");
			signals.setSighup((again) -> {
				print("handler B");
				signals.setSighup(null);
			});
		});
		signals.start();
		if (args.length > 1 && "stop".equals(args[1])) {
			signals.stop();
			signals.stop();
			signals.start();
			signals.stop();
			print("stopped");
		}
		print("ready");
		Thread.sleep(Long.MAX_VALUE);
	}

	private static void print(String line) {
		System.out.println(line);
		System.out.flush();
	}

}
