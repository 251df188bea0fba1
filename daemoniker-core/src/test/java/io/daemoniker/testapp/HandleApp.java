/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.testapp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import io.daemoniker.DaemonHandle;
import io.daemoniker.Daemoniker;
import io.daemoniker.DaemonikerException;
import io.daemoniker.DaemonizeOptions;
import io.daemoniker.DaemonizeResult;
import io.daemoniker.RunMode;
import io.daemoniker.SignalHandler1;

/**
 * Daemonizes with {@link Daemoniker#start}, which returns in the launcher too, and
 * confirms start-up through its {@link DaemonHandle}: {@code main} simply returns in the
 * launcher, which must then end by itself. Arguments: the PID file, as given (relative to
 * the working directory or not), and the log. {@code -Dtest.fail=<message>} makes the
 * daemon report that message as its failed start-up instead;
 * {@code -Dtest.mode=foreground} stays in the foreground, writing to the log itself;
 * {@code -Dtest.failingUsr1=true} handles {@code SIGUSR1} with a handler that throws.
 */
public final class HandleApp {

	private HandleApp() {
	}

	public static void main(String[] args) throws Exception {
		Path log = Path.of(args[1]).toAbsolutePath();
		RunMode mode = RunMode.parse(System.getProperty("test.mode", "daemon"));
		DaemonizeOptions options = DaemonizeOptions.builder()
			.mode(mode)
			.manualReadiness(true)
			.stdout(log)
			.stderr(log)
			.build();
		DaemonizeResult result;
		try {
			result = Daemoniker.start(Path.of(args[0]), options, "payload");
		}
		catch (DaemonikerException ex) {
			System.out.println("launcher: start failed: " + ex.getClass().getSimpleName() + ": " + ex.getMessage());
			System.exit(3);
			return;
		}
		if (result.isParent()) {
			System.out.println("launcher: started pid=" + result.pid() + " handle=" + result.handle().isPresent());
			return;
		}
		DaemonHandle handle = result.handle().orElseThrow();
		write(log, "handle pidFile=" + handle.pidFile() + " mode=" + handle.mode() + " pid=" + handle.pid() + " same="
				+ (DaemonHandle.current().orElseThrow() == handle) + " args=" + result.args());
		String failure = System.getProperty("test.fail");
		if (failure != null) {
			handle.notifyStartupFailed(failure);
			System.exit(1);
		}
		if (handle.mode() == RunMode.FOREGROUND) {
			try {
				handle.reopenStandardStreams();
			}
			catch (IllegalStateException ex) {
				write(log, "reopen refused: " + ex.getMessage());
			}
		}
		else {
			handle.reopenStandardStreams();
			write(log, "reopened");
		}
		if (Boolean.getBoolean("test.failingUsr1")) {
			SignalHandler1 signals = new SignalHandler1(handle.pidFile());
			signals.setSigusr1((signum) -> {
				throw new IllegalStateException("the USR1 handler broke on purpose");
			});
			signals.setSighup((signum) -> write(log, "HUP handled after the failure"));
			signals.start();
		}
		handle.notifyReady();
		write(log, "ready");
		Thread.sleep(Long.MAX_VALUE);
	}

	private static void write(Path log, String line) throws Exception {
		if (Daemoniker.isDaemon()) {
			// Standard output is the log in the daemon.
			System.out.println(line);
			System.out.flush();
		}
		else {
			Files.writeString(log, line + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		}
	}

}
