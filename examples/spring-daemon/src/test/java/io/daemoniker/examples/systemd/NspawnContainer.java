/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.examples.systemd;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real systemd, booted as PID 1 of a {@code systemd-nspawn} container on a machine that
 * has no systemd of its own: no system bus, no {@code machined}, {@code /run} on disk and
 * cgroups that nobody manages. What that takes, in order:
 * <ul>
 * <li>a tmpfs at {@code /run/systemd/nspawn}, which nspawn needs for its mount
 * propagation;</li>
 * <li>cgroup folders made by hand, with nspawn moved into them before it starts, since
 * {@code --keep-unit --register=no} leaves it where it was started;</li>
 * <li>nspawn under {@code setsid}, so no terminal reaches it;</li>
 * <li>the commands run with {@code nsenter} into the container's PID 1, once that process
 * has become {@code systemd} and its private bus exists: earlier, {@code nsenter} would
 * run them on the host.</li>
 * </ul>
 * {@link #close()} powers the container off and removes the folders and the tmpfs; a
 * shutdown hook does the same when the test JVM is interrupted, and the next boot removes
 * what a killed test JVM left behind.
 */
final class NspawnContainer implements AutoCloseable {

	private static final Path CGROUP = Path.of("/sys/fs/cgroup");

	private static final Path NSPAWN_RUN = Path.of("/run/systemd/nspawn");

	private static final String NAME_PREFIX = "dmk-test-";

	private static final Pattern OUR_NAME = Pattern.compile(Pattern.quote(NAME_PREFIX) + "(\\d+)-\\d+");

	private static final String CONTAINER_PATH = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

	private static final Duration BOOT_TIMEOUT = Duration.ofMinutes(3);

	private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(3);

	private static final AtomicInteger COUNTER = new AtomicInteger();

	private final String name;

	private final Path workDirectory;

	private final List<Path> cgroups;

	private final boolean mountedTmpfs;

	private final Process nspawn;

	private final Thread shutdownHook = new Thread(this::tearDown, "nspawn-teardown");

	private long leader = -1;

	private boolean closed;

	private NspawnContainer(String name, Path workDirectory, List<Path> cgroups, boolean mountedTmpfs, Process nspawn) {
		this.name = name;
		this.workDirectory = workDirectory;
		this.cgroups = cgroups;
		this.mountedTmpfs = mountedTmpfs;
		this.nspawn = nspawn;
	}

	/**
	 * Says why this machine cannot boot a container, if it cannot.
	 * @return the reason, or empty when it can
	 */
	static Optional<String> unavailable() {
		if (!System.getProperty("os.name").startsWith("Linux")) {
			return Optional.of("not Linux");
		}
		if (!"root".equals(System.getProperty("user.name"))) {
			return Optional.of("not root (running as " + System.getProperty("user.name")
					+ "); systemd-nspawn and the cgroup folders need root");
		}
		for (String tool : List.of("systemd-nspawn", "mmdebstrap", "nsenter", "setsid")) {
			if (which(tool).isEmpty()) {
				return Optional.of(tool + " is not installed (apt-get install systemd-container mmdebstrap)");
			}
		}
		if (cgroupRoots("probe").isEmpty()) {
			return Optional.of("no cgroup hierarchy found under " + CGROUP);
		}
		return Optional.empty();
	}

	/**
	 * Boots a container on a root file system, as a volatile overlay: nothing it writes
	 * reaches the root file system.
	 * @param rootFs the root file system, built
	 * @param readOnlyBinds host files or folders, by the path they get inside the
	 * container
	 * @param workDirectory where nspawn's own output is kept
	 * @return the container, with systemd up and its boot finished
	 * @throws IOException if it does not boot
	 * @throws InterruptedException if interrupted while booting
	 */
	static NspawnContainer boot(DebianRootFs rootFs, Map<String, Path> readOnlyBinds, Path workDirectory)
			throws IOException, InterruptedException {
		removeLeftovers();
		String name = NAME_PREFIX + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet();
		boolean mounted = mountNspawnTmpfs();
		List<Path> cgroups = cgroupRoots(name);
		StringBuilder script = new StringBuilder();
		for (Path cgroup : cgroups) {
			Files.createDirectories(cgroup);
			script.append("echo $$ > '").append(cgroup.resolve("cgroup.procs")).append("' && ");
		}
		List<String> command = new ArrayList<>(
				List.of("systemd-nspawn", "-D", rootFs.directory().toString(), "-M", name, "--boot", "--keep-unit",
						"--register=no", "--private-network", "--console=passive", "--volatile=overlay"));
		readOnlyBinds.forEach((inside, host) -> command.add("--bind-ro=" + host.toAbsolutePath() + ":" + inside));
		script.append("exec");
		command.forEach((word) -> script.append(" '").append(word).append('\''));
		Path log = workDirectory.resolve(name + ".log");
		Process nspawn = new ProcessBuilder("setsid", "sh", "-c", script.toString()).redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
			.start();
		NspawnContainer container = new NspawnContainer(name, workDirectory, cgroups, mounted, nspawn);
		Runtime.getRuntime().addShutdownHook(container.shutdownHook);
		try {
			container.awaitBoot(log);
		}
		catch (IOException | InterruptedException | RuntimeException ex) {
			container.close();
			throw ex;
		}
		return container;
	}

	private void awaitBoot(Path log) throws IOException, InterruptedException {
		long deadline = System.nanoTime() + BOOT_TIMEOUT.toNanos();
		while (this.leader < 0) {
			if (!this.nspawn.isAlive()) {
				throw new IOException("systemd-nspawn exited with " + this.nspawn.exitValue() + " before systemd ran: "
						+ Files.readString(log));
			}
			if (System.nanoTime() - deadline > 0) {
				throw new IOException("systemd did not come up in " + BOOT_TIMEOUT + ": " + Files.readString(log));
			}
			// nsenter into the child before it has become systemd, or before systemd has
			// its private bus, would run systemctl against the host.
			this.nspawn.toHandle()
				.children()
				.filter((child) -> "systemd".equals(comm(child.pid())))
				.filter((child) -> Files
					.exists(Path.of("/proc", Long.toString(child.pid()), "root/run/systemd/private")))
				.findFirst()
				.ifPresent((child) -> this.leader = child.pid());
			Thread.sleep(100);
		}
		Result running = exec("systemctl", "is-system-running", "--wait");
		if (!running.stdout().strip().equals("running")) {
			throw new IOException("the container's systemd is " + running.stdout().strip() + ": "
					+ exec("systemctl", "--failed", "--no-pager").stdout());
		}
	}

	/**
	 * Returns the container's PID 1 as the host sees it.
	 * @return the host PID of the container's systemd
	 */
	long leader() {
		return this.leader;
	}

	/**
	 * Runs a command inside the container, in all its namespaces, with a clean
	 * environment, and waits for it.
	 * @param command the command and its arguments
	 * @return its exit code and output
	 */
	Result exec(String... command) {
		List<String> full = new ArrayList<>(List.of("nsenter", "-t", Long.toString(this.leader), "-a", "env", "-i",
				CONTAINER_PATH, "LANG=C.UTF-8", "SYSTEMD_COLORS=0", "SYSTEMD_PAGER="));
		full.addAll(List.of(command));
		return run(full, this.workDirectory);
	}

	/**
	 * Writes a file inside the container, through its PID 1's root.
	 * @param path the absolute path inside the container
	 * @param content the file's content
	 */
	void write(String path, String content) {
		Path file = Path.of("/proc", Long.toString(this.leader), "root", path.substring(1));
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, content, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Reads a file inside the container, through its PID 1's root.
	 * @param path the absolute path inside the container
	 * @return the content, or empty if there is no such file
	 */
	Optional<String> read(String path) {
		Path file = Path.of("/proc", Long.toString(this.leader), "root", path.substring(1));
		try {
			return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Powers the container off and removes what booting it created on the host.
	 */
	@Override
	public void close() {
		tearDown();
		try {
			Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
		}
		catch (IllegalStateException ex) {
			// Already shutting down: the hook is this teardown.
		}
	}

	private synchronized void tearDown() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		try {
			if (this.leader > 0 && this.nspawn.isAlive()) {
				exec("systemctl", "poweroff");
			}
			if (!this.nspawn.waitFor(60, TimeUnit.SECONDS)) {
				// nspawn turns TERM into the container's own poweroff signal.
				this.nspawn.destroy();
				if (!this.nspawn.waitFor(30, TimeUnit.SECONDS)) {
					this.nspawn.destroyForcibly();
					this.nspawn.waitFor(30, TimeUnit.SECONDS);
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.cgroups.forEach(NspawnContainer::removeCgroup);
		if (this.mountedTmpfs && !otherMachinesRunning()) {
			run(List.of("umount", NSPAWN_RUN.toString()), this.workDirectory);
		}
	}

	private boolean otherMachinesRunning() {
		for (Path root : cgroupRoots("")) {
			try (Stream<Path> entries = Files.list(root)) {
				if (entries.anyMatch((entry) -> OUR_NAME.matcher(entry.getFileName().toString()).matches())) {
					return true;
				}
			}
			catch (IOException ex) {
				return true;
			}
		}
		return false;
	}

	@Override
	public String toString() {
		return "container " + this.name + " (systemd pid " + this.leader + " on the host)";
	}

	private static boolean mountNspawnTmpfs() throws IOException {
		Files.createDirectories(NSPAWN_RUN);
		if (run(List.of("mountpoint", "-q", NSPAWN_RUN.toString()), null).exitCode() == 0) {
			return false;
		}
		Result mount = run(List.of("mount", "-t", "tmpfs", "-o", "mode=0755", "tmpfs", NSPAWN_RUN.toString()), null);
		if (mount.exitCode() != 0) {
			throw new IOException("cannot mount a tmpfs at " + NSPAWN_RUN + ": " + mount);
		}
		return true;
	}

	/**
	 * The container's cgroup folders: one per hierarchy of a hybrid layout (systemd 252
	 * in the container needs both), or one in a unified layout.
	 */
	private static List<Path> cgroupRoots(String name) {
		List<Path> roots = new ArrayList<>();
		if (Files.isDirectory(CGROUP.resolve("systemd")) && Files.isDirectory(CGROUP.resolve("unified"))) {
			roots.add(CGROUP.resolve("systemd").resolve(name));
			roots.add(CGROUP.resolve("unified").resolve(name));
		}
		else if (Files.exists(CGROUP.resolve("cgroup.controllers"))) {
			roots.add(CGROUP.resolve(name));
		}
		return roots;
	}

	/**
	 * Removes the containers that a killed test JVM left: those named after a JVM that no
	 * longer runs. Their processes are killed first, found by their cgroups, which only
	 * hold this harness's containers.
	 */
	private static void removeLeftovers() {
		for (Path root : cgroupRoots("")) {
			try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
				for (Path entry : entries) {
					Matcher matcher = OUR_NAME.matcher(entry.getFileName().toString());
					if (matcher.matches() && ProcessHandle.of(Long.parseLong(matcher.group(1))).isEmpty()) {
						removeCgroup(entry);
					}
				}
			}
			catch (IOException ex) {
				// Nothing to remove there.
			}
		}
	}

	private static void removeCgroup(Path cgroup) {
		for (int attempt = 0; attempt < 50 && Files.exists(cgroup); attempt++) {
			List<Path> folders;
			try (Stream<Path> walk = Files.walk(cgroup)) {
				folders = walk.filter(Files::isDirectory).sorted(Comparator.reverseOrder()).toList();
			}
			catch (IOException ex) {
				return;
			}
			for (Path folder : folders) {
				killMembers(folder);
				try {
					Files.deleteIfExists(folder);
				}
				catch (IOException ex) {
					// Still busy: the processes just killed are exiting; tried again.
				}
			}
			sleep(100);
		}
	}

	private static void killMembers(Path folder) {
		try {
			for (String line : Files.readAllLines(folder.resolve("cgroup.procs"))) {
				if (!line.isBlank()) {
					ProcessHandle.of(Long.parseLong(line.strip())).ifPresent(ProcessHandle::destroyForcibly);
				}
			}
		}
		catch (IOException | NumberFormatException ex) {
			// Gone already.
		}
	}

	private static Optional<Path> which(String tool) {
		return Stream.of(System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin").split(":"))
			.map((directory) -> Path.of(directory, tool))
			.filter(Files::isExecutable)
			.findFirst();
	}

	private static String comm(long pid) {
		try {
			return Files.readString(Path.of("/proc", Long.toString(pid), "comm")).strip();
		}
		catch (IOException ex) {
			return "";
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static Result run(List<String> command, Path workDirectory) {
		try {
			Path directory = (workDirectory != null) ? workDirectory : Path.of(System.getProperty("java.io.tmpdir"));
			Path out = Files.createTempFile(directory, "out", ".txt");
			Path err = Files.createTempFile(directory, "err", ".txt");
			try {
				Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
					.redirectError(err.toFile())
					.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
					.start();
				boolean ended;
				try {
					ended = process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					ended = false;
				}
				if (!ended) {
					process.destroyForcibly();
				}
				return new Result(command, ended ? process.exitValue() : -1, Files.readString(out),
						Files.readString(err));
			}
			finally {
				Files.deleteIfExists(out);
				Files.deleteIfExists(err);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * What a command did.
	 *
	 * @param command the command
	 * @param exitCode its exit code, or {@code -1} if it did not end in time
	 * @param stdout its standard output
	 * @param stderr its standard error
	 */
	record Result(List<String> command, int exitCode, String stdout, String stderr) {

		Map<String, String> properties() {
			Map<String, String> properties = new LinkedHashMap<>();
			this.stdout.lines().forEach((line) -> {
				int equals = line.indexOf('=');
				if (equals > 0) {
					properties.put(line.substring(0, equals), line.substring(equals + 1));
				}
			});
			return properties;
		}

		@Override
		public String toString() {
			return String.join(" ", this.command) + " -> " + this.exitCode + "\n" + this.stdout + this.stderr;
		}

	}

}
