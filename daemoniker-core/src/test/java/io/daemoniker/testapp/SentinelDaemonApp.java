/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.testapp;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

import io.daemoniker.internal.pidfile.PidFileLock;
import io.daemoniker.internal.platform.SignalNumbers;
import io.daemoniker.internal.sentinel.JvmSentinel;
import io.daemoniker.internal.sentinel.SentinelExitCodes;
import io.daemoniker.internal.sentinel.SentinelSignalSource;

/**
 * Holds a PID file and receives signals through JVM sentinels, as a Windows daemon does.
 * Run with {@code -Dtest.pretendOs=Windows...} on Linux it takes the Windows lock layout
 * (the JDK's own process support is set up first, for the real system). Prints
 * {@code ready <sentinel pid>}, then {@code signal <n>} for each signal; the line
 * {@code close} on its standard input closes the signal source and prints {@code closed}.
 * Usage: {@code SentinelDaemonApp <pid-file>}.
 */
public final class SentinelDaemonApp {

	private SentinelDaemonApp() {
	}

	public static void main(String[] args) throws Exception {
		String pretend = System.getProperty("test.pretendOs");
		if (pretend != null) {
			Class.forName("java.lang.ProcessImpl");
			// Redirect.DISCARD names the null device by os.name when first used.
			ProcessBuilder.Redirect.DISCARD.file();
			System.setProperty("os.name", pretend);
		}
		long own = ProcessHandle.current().pid();
		PidFileLock lock = PidFileLock.acquire(Path.of(args[0]), own);
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		int sigint = SignalNumbers.require("INT");
		// Remembered as published: reading the PID file back would close a descriptor of
		// it, and on Linux that drops the byte-range lock that Windows' locking stands
		// for here.
		AtomicLong published = new AtomicLong();
		LongConsumer publisher = (pid) -> {
			lock.write(pid);
			published.set(pid);
		};
		SentinelSignalSource source = new SentinelSignalSource(JvmSentinel.starter(java), publisher, own,
				new SentinelExitCodes(sigint, SignalNumbers.require("TERM"), SignalNumbers.require("HUP"),
						SignalNumbers.require("USR1")));
		for (String name : new String[] { "INT", "TERM", "HUP", "USR1" }) {
			source.handle(SignalNumbers.require(name), (signum) -> {
				System.out.println("signal " + signum);
				System.out.flush();
			});
		}
		// The first sentinel is published before handle() returns.
		System.out.println("ready " + published.get());
		System.out.flush();
		BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
		String line;
		while ((line = in.readLine()) != null) {
			if ("close".equals(line.trim())) {
				source.close();
				System.out.println("closed");
				System.out.flush();
			}
		}
	}

}
