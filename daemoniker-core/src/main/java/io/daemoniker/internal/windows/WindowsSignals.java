/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.windows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import io.daemoniker.HandledSignal;
import io.daemoniker.SignalError;
import io.daemoniker.SignalHandler1;
import io.daemoniker.internal.pidfile.PidFileLock;
import io.daemoniker.internal.platform.CurrentProcess;
import io.daemoniker.internal.platform.SignalNumbers;
import io.daemoniker.internal.platform.SignalSource;
import io.daemoniker.internal.sentinel.JvmSentinel;
import io.daemoniker.internal.sentinel.SentinelExitCodes;
import io.daemoniker.internal.sentinel.SentinelSignalSource;
import io.daemoniker.internal.sentinel.SentinelStarter;

/**
 * Signals on Windows: a sentinel process whose PID the PID file names, ended by senders
 * with the signal number as its exit code.
 * <p>
 * The sentinel is {@code sort.exe} from the system directory, started without a console:
 * it is on every Windows since NT, it only reads its standard input until it ends (and
 * the daemon never writes to it), it runs no commands and opens nothing, and it is a few
 * hundred kilobytes of native code, where a sentinel JVM takes tens of megabytes. When it
 * is missing (trimmed images such as Nano Server), the sentinel is a minimal JVM from
 * this Java home ({@link JvmSentinel}).
 */
public final class WindowsSignals {

	private WindowsSignals() {
	}

	/**
	 * Returns the signal source of a daemon that holds its PID file.
	 * @param pidFile the PID file
	 * @return the source
	 * @throws SignalError if this process does not hold the PID file
	 */
	public static SignalSource source(Path pidFile) {
		PidFileLock held = PidFileLock.heldByThisProcess(pidFile)
			.or(PidFileLock::onlyHeld)
			.orElseThrow(() -> new SignalError(
					"on Windows, signals reach a daemon through its PID file, and this " + "process does not hold "
							+ pidFile.toAbsolutePath() + ": handle signals after daemonize() took the PID file"));
		// Every handled signal, and KILL, which ends the daemon at once as on Unix.
		SentinelExitCodes exitCodes = new SentinelExitCodes(HandledSignal.INT.signum(),
				IntStream
					.concat(IntStream.of(SignalHandler1.supportedSignals()),
							IntStream.of(SignalNumbers.require("KILL")))
					.toArray());
		return new SentinelSignalSource(starter(), held::write, CurrentProcess.pid(), exitCodes);
	}

	static SentinelStarter starter() {
		Path system = Path.of(System.getenv().getOrDefault("SystemRoot", "C:\\Windows"), "System32");
		Path sort = system.resolve("sort.exe");
		if (Files.isRegularFile(sort)) {
			return new DetachedSentinelStarter(List.of(sort.toString()), system);
		}
		Path javaw = WindowsJava.in(Path.of(System.getProperty("java.home"))).executable();
		return JvmSentinel.starter(javaw);
	}

}
