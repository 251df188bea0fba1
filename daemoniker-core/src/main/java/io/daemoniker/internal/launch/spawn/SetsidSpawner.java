/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.launch.spawn;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.daemoniker.internal.platform.OperatingSystem;

/**
 * Spawns the intermediate shell with the {@code setsid} command and
 * {@link ProcessBuilder}, without any native code in the launcher. The JDK closes every
 * descriptor above 2 in the processes it starts, so no descriptor can be shielded this
 * way.
 */
final class SetsidSpawner implements DaemonSpawner {

	private final Path setsid;

	private SetsidSpawner(Path setsid) {
		this.setsid = setsid;
	}

	/**
	 * Returns a spawner if the {@code setsid} command exists here.
	 * @return the spawner, or empty (macOS has no {@code setsid} command)
	 */
	static Optional<SetsidSpawner> find() {
		Optional<Path> setsid = findCommand("setsid");
		// Not Optional.map with a constructor reference: the launcher is a short-lived
		// JVM, and each method reference's first use costs it a generated class.
		return setsid.isPresent() ? Optional.of(new SetsidSpawner(setsid.get())) : Optional.empty();
	}

	/**
	 * Finds a command in the usual directories, then in {@code PATH}.
	 * @param name the command
	 * @return its path, or empty where it is missing
	 */
	static Optional<Path> findCommand(String name) {
		List<String> directories = new ArrayList<>(List.of("/usr/bin", "/bin", "/usr/local/bin"));
		String path = System.getenv("PATH");
		if (path != null) {
			directories.addAll(List.of(path.split(File.pathSeparator)));
		}
		for (String directory : directories) {
			if (directory.isEmpty()) {
				continue;
			}
			Path candidate = Path.of(directory, name);
			if (Files.isExecutable(candidate)) {
				return Optional.of(candidate);
			}
		}
		return Optional.empty();
	}

	/**
	 * The shell prepares the daemon on Linux only: the daemon finds its inherited lock in
	 * {@code /proc/self/fdinfo}.
	 */
	@Override
	public boolean canPrepareInShell() {
		return OperatingSystem.current() == OperatingSystem.LINUX;
	}

	@Override
	public Process spawn(Spec spec) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(this.setsid.toString());
		command.add("/bin/sh");
		ShellStart shellStart = spec.shellStart();
		command.addAll((shellStart != null) ? shellStart.shellArguments(spec) : spec.shellArguments());
		return new ProcessBuilder(command).start();
	}

}
