/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.daemoniker.Daemoniker;
import io.daemoniker.internal.pidfile.PidFileLock;
import io.daemoniker.internal.platform.CurrentProcess;
import io.daemoniker.internal.platform.JnaLoading;
import io.daemoniker.internal.platform.ProcessExit;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The run that the {@code daemoniker} launch script makes once per JVM and jar, with
 * {@code -XX:ArchiveClassesAtExit}, to write the class-data archive that the command's
 * later runs start from. It takes the paths that {@code status} and {@code stop} take,
 * without touching any daemon: {@code status} and {@code stop} of a PID file that it
 * writes itself in the given directory and that nobody locks, the facade's status, a
 * process descriptor of its own process (JNA and the C library, which {@code stop}
 * binds), and {@code status} and {@code send} of a second PID file that it locks itself,
 * as a running daemon would. Not API: started by the script only, which discards its
 * output.
 */
final class ClassDataTraining {

	private ClassDataTraining() {
	}

	/**
	 * Runs the training.
	 * @param args the directory to write the training's PID file in
	 * @throws IOException if that file cannot be written
	 */
	public static void main(String[] args) throws IOException {
		JnaLoading.ownJvm();
		long pid = CurrentProcess.pid();
		Path pidFile = Path.of(args[0], "training-" + pid + ".pid");
		pidFile.toFile().deleteOnExit();
		Files.write(pidFile, (pid + "\n").getBytes(StandardCharsets.US_ASCII));
		Daemoniker.status(pidFile);
		try (ProcessExit self = ProcessExit.pin(pid)) {
			self.isGone();
		}
		DaemonikerCli cli = new DaemonikerCli(System.out, System.err);
		cli.run(List.of("status", pidFile.toString()));
		// Nobody holds the file's lock, so stop finds a stale PID file and signals
		// nothing.
		cli.run(List.of("stop", pidFile.toString(), "--timeout", "1s"));
		asRunningDaemon(cli, Path.of(args[0], "training-held-" + pid + ".pid"), pid);
		System.exit(0);
	}

	/**
	 * Takes the paths that {@code status} and {@code send} take for a running daemon,
	 * with this process as the daemon: it holds the PID file's lock, as a daemon does,
	 * and ignores the one signal it sends itself. What cannot be done here is left out,
	 * and the archive is written all the same.
	 */
	private static void asRunningDaemon(DaemonikerCli cli, Path pidFile, long pid) {
		pidFile.toFile().deleteOnExit();
		Signal.handle(new Signal("USR1"), new Ignored());
		try (PidFileLock held = PidFileLock.acquire(pidFile, pid)) {
			cli.run(List.of("status", pidFile.toString()));
			cli.run(List.of("send", pidFile.toString(), "USR1"));
		}
		catch (RuntimeException ex) {
			// A file system that takes no lock: the archive lacks these classes.
		}
	}

	/** Takes the training's own signal and does nothing. */
	private static final class Ignored implements SignalHandler {

		@Override
		public void handle(Signal signal) {
		}

	}

}
