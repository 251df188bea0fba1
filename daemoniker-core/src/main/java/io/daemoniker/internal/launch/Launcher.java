/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.launch;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.daemoniker.AlreadyRunningError;
import io.daemoniker.DaemonStatus;
import io.daemoniker.DaemonizeOptions;
import io.daemoniker.PidFileError;
import io.daemoniker.StartupError;
import io.daemoniker.internal.pidfile.PidFileInspector;
import io.daemoniker.internal.platform.OperatingSystem;
import io.daemoniker.internal.platform.Platform;
import io.daemoniker.internal.platform.Processes;
import io.daemoniker.internal.windows.WindowsJava;
import io.daemoniker.internal.windows.WindowsLaunch;
import org.jspecify.annotations.Nullable;

/**
 * The launcher's side of daemonization: it checks what it can before starting anything,
 * starts the daemon JVM from this JVM's own command line, passes it the launch request,
 * copies what it prints while it starts, and waits for it to confirm start-up.
 */
public final class Launcher {

	/** The system property whose presence tells a JVM that it is the daemon. */
	public static final String MARKER_PROPERTY = "daemoniker.daemon";

	static final String MARKER_OPTION_PREFIX = "-D" + MARKER_PROPERTY + "=";

	private static final Path NULL_DEVICE = Path
		.of((OperatingSystem.current() == OperatingSystem.WINDOWS) ? "NUL" : "/dev/null");

	private final DaemonSpawner spawner;

	private final Platform platform;

	Launcher(DaemonSpawner spawner, Platform platform) {
		this.spawner = spawner;
		this.platform = platform;
	}

	/**
	 * Returns the launcher for this operating system and these options.
	 * @param options the options, which decide whether descriptors must be shielded
	 * @return the launcher
	 */
	public static Launcher forOptions(DaemonizeOptions options) {
		return new Launcher(Spawners.choose(options), Platform.current());
	}

	/**
	 * Starts the daemon and waits until it confirms start-up.
	 * @param pidFile the PID file, relative to the working directory or absolute
	 * @param options the options
	 * @param args the arguments to hand to the daemon
	 * @return the daemon's PID
	 * @throws AlreadyRunningError if a live daemon holds the PID file
	 * @throws StartupError if the daemon did not confirm start-up
	 */
	public long launch(Path pidFile, DaemonizeOptions options, @Nullable Object[] args) {
		ArgsCodec.check(args);
		Path workingDirectory = Path.of(System.getProperty("user.dir"));
		Path absolutePidFile = workingDirectory.resolve(pidFile).normalize();
		Path directory = checkedDirectory(workingDirectory, options.chdir());
		LaunchRequest request = new LaunchRequest(absolutePidFile, target(workingDirectory, options.stdin(), "stdin"),
				target(workingDirectory, options.stdout(), "stdout"),
				target(workingDirectory, options.stderr(), "stderr"), options.manualReadiness(), Arrays.asList(args),
				ProcessSettings.from(options));
		request.settings().check();
		checkParent(absolutePidFile, "PID file");
		checkNotRunning(absolutePidFile);
		String token = Handshake.newToken();
		JavaCommandLine commandLine = rebuildCommandLine(workingDirectory, token, options);
		commandLine.notes().forEach((note) -> System.err.println("daemoniker: " + note));
		DaemonSpawner.Spec spec = new DaemonSpawner.Spec(directory, options.umask(), commandLine.command(),
				options.shieldedFds(), options.fdFallbackLimit(), Handshake.prefix(token),
				new WindowsLaunch.StandardTargets(request.stdin(), request.stdout(), request.stderr()));
		Process intermediate;
		try {
			intermediate = this.spawner.spawn(spec);
		}
		catch (IOException ex) {
			throw new StartupError("cannot start the daemon: " + ex.getMessage(), ex);
		}
		StartupWatch watch = new StartupWatch(intermediate, token);
		try {
			sendRequest(intermediate, request);
			return watch.awaitReady(options.successTimeout(), this::stopHalfStarted, absolutePidFile);
		}
		finally {
			// Ending the intermediate shell leaves the daemon to init and closes the
			// pipes.
			intermediate.destroy();
			awaitExit(intermediate);
			watch.close();
		}
	}

	private JavaCommandLine rebuildCommandLine(Path workingDirectory, String token, DaemonizeOptions options) {
		String executable;
		List<String> arguments;
		if (OperatingSystem.current() == OperatingSystem.WINDOWS) {
			WindowsJava java = WindowsJava.in(Path.of(System.getProperty("java.home")));
			java.note().ifPresent((note) -> System.err.println("daemoniker: " + note));
			executable = java.executable().toString();
			arguments = WindowsLaunch.currentArguments();
		}
		else {
			ProcessHandle.Info info = ProcessHandle.current().info();
			executable = info.command()
				.orElseThrow(() -> new StartupError("cannot tell which Java executable runs this JVM"));
			// Without them the daemon would run without the main class or jar: an error,
			// never a daemon started from a guess.
			arguments = info.arguments()
				.map(Arrays::asList)
				.orElseThrow(() -> new StartupError("cannot read the arguments this JVM was started with from "
						+ System.getProperty("os.name") + ", so the daemon cannot be started with the same ones"));
		}
		List<String> leading = new ArrayList<>();
		leading.add(MARKER_OPTION_PREFIX + token);
		if (Runtime.version().feature() >= 22 && arguments.stream().noneMatch(Launcher::enablesNativeAccess)) {
			// The daemon loads JNA to redirect its streams; say so, or JDK 22 and later
			// warn.
			leading.add("--enable-native-access=ALL-UNNAMED");
		}
		leading.addAll(options.jvmOptions());
		return JavaCommandLine.forDaemon(executable, arguments, workingDirectory, leading,
				options.stripCommandArguments());
	}

	private static boolean enablesNativeAccess(String argument) {
		return argument.startsWith("--enable-native-access");
	}

	private static void awaitExit(Process intermediate) {
		try {
			intermediate.waitFor(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void sendRequest(Process intermediate, LaunchRequest request) {
		try (OutputStream stdin = intermediate.getOutputStream()) {
			stdin.write(request.encode());
		}
		catch (IOException ex) {
			// The daemon died before reading its request: its output says why.
		}
	}

	private void checkNotRunning(Path pidFile) {
		DaemonStatus status = new PidFileInspector(this.platform).inspect(pidFile);
		if (status.state() == DaemonStatus.State.RUNNING) {
			throw new AlreadyRunningError(pidFile, status.pid().orElse(-1));
		}
		if (status.state() == DaemonStatus.State.UNTRUSTED) {
			throw new PidFileError(pidFile, "cannot start: " + status.description());
		}
	}

	/**
	 * Stops a daemon that did not confirm in time: TERM first so that it removes its PID
	 * file, KILL if it does not go, and then removes its PID file if it left one.
	 */
	private void stopHalfStarted(long pid, Path pidFile) {
		ProcessHandle.of(pid).ifPresent((process) -> {
			process.destroy();
			if (!Processes.awaitGone(pid, Duration.ofSeconds(5))) {
				process.destroyForcibly();
				Processes.awaitGone(pid, Duration.ofSeconds(5));
			}
		});
		DaemonStatus status = new PidFileInspector(this.platform).inspect(pidFile);
		if (status.state() == DaemonStatus.State.STALE && status.pid().orElse(-1) == pid) {
			try {
				Files.deleteIfExists(pidFile);
			}
			catch (IOException ex) {
				System.err.println("daemoniker: could not remove " + pidFile + ": " + ex.getMessage());
			}
		}
	}

	private static Path checkedDirectory(Path workingDirectory, @Nullable Path chdir) {
		if (chdir == null) {
			return workingDirectory;
		}
		Path directory = workingDirectory.resolve(chdir).normalize();
		if (!Files.isDirectory(directory)) {
			throw new StartupError("cannot start the daemon in " + directory + ": no such directory");
		}
		return directory;
	}

	private static Path target(Path workingDirectory, @Nullable Path file, String stream) {
		if (file == null) {
			return NULL_DEVICE;
		}
		Path target = workingDirectory.resolve(file).normalize();
		if (Files.isDirectory(target)) {
			throw new StartupError("cannot send the daemon's " + stream + " to " + target + ": it is a directory");
		}
		if (!"stdin".equals(stream)) {
			checkParent(target, stream + " target");
		}
		else if (!Files.isReadable(target)) {
			throw new StartupError("cannot read the daemon's stdin from " + target + ": no such readable file");
		}
		return target;
	}

	private static void checkParent(Path file, String what) {
		Path parent = file.getParent();
		if (parent != null && !Files.isDirectory(parent)) {
			throw new StartupError(
					"cannot create the " + what + " " + file + ": directory " + parent + " does not exist");
		}
	}

}
