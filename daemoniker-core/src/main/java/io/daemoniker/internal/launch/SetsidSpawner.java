/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.launch;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
		List<String> directories = new ArrayList<>(List.of("/usr/bin", "/bin", "/usr/local/bin"));
		String path = System.getenv("PATH");
		if (path != null) {
			directories.addAll(List.of(path.split(File.pathSeparator)));
		}
		for (String directory : directories) {
			if (directory.isEmpty()) {
				continue;
			}
			Path candidate = Path.of(directory, "setsid");
			if (Files.isExecutable(candidate)) {
				return Optional.of(new SetsidSpawner(candidate));
			}
		}
		return Optional.empty();
	}

	@Override
	public Process spawn(Spec spec) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(this.setsid.toString());
		command.add("/bin/sh");
		command.addAll(spec.shellArguments());
		return new ProcessBuilder(command).start();
	}

}
