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
import io.daemoniker.internal.platform.CurrentProcess;
import io.daemoniker.internal.platform.JnaLoading;
import io.daemoniker.internal.platform.ProcessExit;

/**
 * The run that the {@code daemoniker} launch script makes once per JVM and jar, with
 * {@code -XX:ArchiveClassesAtExit}, to write the class-data archive that the command's
 * later runs start from. It takes the paths that {@code status} and {@code stop} take,
 * without touching any daemon: {@code status} and {@code stop} of a PID file that it
 * writes itself in the given directory and that nobody locks, the facade's status, and a
 * process descriptor of its own process (JNA and the C library, which {@code stop}
 * binds). Not API: started by the script only, which discards its output.
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
		System.exit(0);
	}

}
