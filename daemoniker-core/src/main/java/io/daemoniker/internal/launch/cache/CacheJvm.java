/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.launch.cache;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.daemoniker.internal.launch.DaemonProperties;

/**
 * Runs a short JVM with the daemon's JVM options and class path, for the start-up cache:
 * to map an archive or cache, which must agree with the options it was made with, or to
 * make JDK 25's AOT cache. A crash stays in that JVM.
 */
final class CacheJvm {

	/** Long enough to make the AOT cache of a large application on a busy machine. */
	private static final long TIMEOUT_SECONDS = 180;

	private final List<String> daemonOptions;

	CacheJvm(List<String> daemonOptions) {
		this.daemonOptions = daemonOptions;
	}

	/**
	 * Runs the JVM to its end.
	 * @param options what it is to do
	 * @return whether it ended with status 0 in time
	 */
	boolean succeeds(List<String> options) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
			// Not the options that would make it another daemon, log elsewhere or
			// listen for a debugger.
			if (!option.startsWith(DaemonProperties.MARKER_OPTION_PREFIX) && !option.startsWith("-Xlog")
					&& !option.startsWith("-agentlib:jdwp")) {
				command.add(option);
			}
		}
		command.addAll(this.daemonOptions);
		command.addAll(List.of("-Xlog:disable", "-cp", System.getProperty("java.class.path")));
		command.addAll(options);
		try {
			Process jvm = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			if (!jvm.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				jvm.destroyForcibly().waitFor();
				return false;
			}
			return jvm.exitValue() == 0;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
