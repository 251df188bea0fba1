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
 * A daemon that, once daemonized, starts another program that daemonizes in turn, to show
 * that the daemon's marker does not make that program believe it is already a daemon.
 * Usage: {@code NestedLauncherApp <pid-file> <log> <nested-pid-file> <nested-log>}.
 */
public final class NestedLauncherApp {

	private NestedLauncherApp() {
	}

	public static void main(String[] args) throws Exception {
		DaemonizeOptions options = DaemonizeOptions.builder().stdout(Path.of(args[1])).stderr(Path.of(args[1])).build();
		List<Object> passed = Daemoniker.daemonize(Path.of(args[0]), options, args[2], args[3]);
		String java = ProcessHandle.current().info().command().orElseThrow();
		String marker = System.getProperty("test.id");
		Process nested = new ProcessBuilder(java, "-Dtest.id=" + marker, "-cp", System.getProperty("java.class.path"),
				"io.daemoniker.testapp.DefaultsApp", (String) passed.get(0))
			.redirectOutput(Path.of((String) passed.get(1)).toFile())
			.redirectErrorStream(true)
			.start();
		System.out.println("nested launcher exit=" + nested.waitFor());
		System.out.flush();
		Thread.sleep(Long.MAX_VALUE);
	}

}
