/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.launch.spawn;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.daemoniker.Daemoniker;
import io.daemoniker.DaemonizeOptions;

/**
 * A daemon for the spawner tests. Arguments: the PID file, a file that the launcher opens
 * and leaves open (without close-on-exec, as the JDK opens files), and a file whose
 * descriptor the launcher shields, or {@code -} for none. Before it daemonizes, the
 * launcher prints {@code ignored <SigIgn mask>} and {@code shielded <fd>}. The daemon
 * then waits to be killed.
 */
final class PosixSpawnTestDaemon {

	/** Keeps the launcher's streams, and so their descriptors, open. */
	private static final List<FileInputStream> OPEN = new ArrayList<>();

	private PosixSpawnTestDaemon() {
	}

	public static void main(String[] args) throws Exception {
		DaemonizeOptions.Builder options = DaemonizeOptions.builder().successTimeout(Duration.ofSeconds(60));
		if (!Daemoniker.isDaemon()) {
			System.out.println("ignored " + ignoredSignals());
			OPEN.add(new FileInputStream(args[1]));
			if (!"-".equals(args[2])) {
				OPEN.add(new FileInputStream(args[2]));
				int fd = descriptorOf(Path.of(args[2]));
				System.out.println("shielded " + fd);
				System.out.flush();
				options.shieldedFds(fd);
			}
		}
		Daemoniker.daemonize(Path.of(args[0]), options.build());
		Thread.sleep(Long.MAX_VALUE);
	}

	private static String ignoredSignals() throws IOException {
		return Files.readAllLines(Path.of("/proc/self/status"))
			.stream()
			.filter((line) -> line.startsWith("SigIgn:"))
			.map((line) -> line.substring(7).trim())
			.findFirst()
			.orElse("0");
	}

	private static int descriptorOf(Path file) throws IOException {
		Path real = file.toRealPath();
		try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
			for (Path fd : fds.toList()) {
				try {
					if (Files.readSymbolicLink(fd).equals(real)) {
						return Integer.parseInt(fd.getFileName().toString());
					}
				}
				catch (IOException ex) {
					// The listing's own descriptor is gone by now.
				}
			}
		}
		throw new IllegalStateException(file + " is not open");
	}

}
