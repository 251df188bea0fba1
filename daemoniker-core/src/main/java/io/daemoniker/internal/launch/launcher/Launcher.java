/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.launch.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.daemoniker.AlreadyRunningException;
import io.daemoniker.DaemonStatus;
import io.daemoniker.PidFileException;
import io.daemoniker.StartupException;
import io.daemoniker.internal.launch.ArgsCodec;
import io.daemoniker.internal.launch.DaemonProperties;
import io.daemoniker.internal.launch.Handshake;
import io.daemoniker.internal.launch.LaunchRequest;
import io.daemoniker.internal.launch.LaunchSpec;
import io.daemoniker.internal.launch.ProcessSettings;
import io.daemoniker.internal.launch.StartDirectory;
import io.daemoniker.internal.launch.cache.StartupCache;
import io.daemoniker.internal.launch.commandline.JavaCommandLine;
import io.daemoniker.internal.launch.commandline.LongArguments;
import io.daemoniker.internal.launch.commandline.ProcessArguments;
import io.daemoniker.internal.launch.spawn.DaemonSpawner;
import io.daemoniker.internal.launch.spawn.FlockCommand;
import io.daemoniker.internal.launch.spawn.ShellStart;
import io.daemoniker.internal.launch.spawn.Spawners;
import io.daemoniker.internal.pidfile.PidFileInspector;
import io.daemoniker.internal.pidfile.PidFileLock;
import io.daemoniker.internal.platform.CurrentProcess;
import io.daemoniker.internal.platform.OperatingSystem;
import io.daemoniker.internal.platform.Platform;
import io.daemoniker.internal.platform.Processes;
import io.daemoniker.internal.platform.SignalNumbers;
import io.daemoniker.internal.windows.WindowsJava;
import io.daemoniker.internal.windows.WindowsLaunch;
import org.jspecify.annotations.Nullable;

/**
 * The launcher's side of daemonization: it checks what it can before starting anything,
 * starts the daemon JVM from this JVM's own command line, passes it the launch request,
 * copies what it prints while it starts, and waits for it to confirm start-up.
 * <p>
 * Public for the facade's {@code Daemoniker.start}.
 */
public final class Launcher {

	private static final Path NULL_DEVICE = Platform.current().nullDevice();

	private final DaemonSpawner spawner;

	private final Platform platform;

	Launcher(DaemonSpawner spawner, Platform platform) {
		this.spawner = spawner;
		this.platform = platform;
	}

	/**
	 * Returns the launcher for this operating system and this start.
	 * @param spec what the start asks for, which decides whether descriptors must be
	 * shielded
	 * @return the launcher
	 */
	public static Launcher forSpec(LaunchSpec spec) {
		return new Launcher(Spawners.choose(spec), Platform.current());
	}

	/**
	 * Starts the daemon and waits until it confirms start-up, at most the success
	 * timeout, however large the arguments. If this JVM receives {@code SIGINT} or
	 * {@code SIGTERM} meanwhile, it stops the starting daemon and its intermediate shell,
	 * removes the PID file the daemon left, says so on standard error and ends with
	 * status 128 plus the signal, as it would have without Daemoniker.
	 * @param pidFile the PID file, relative to the working directory or absolute
	 * @param spec what the start asks for
	 * @param args the arguments to hand to the daemon
	 * @return the daemon's PID
	 * @throws AlreadyRunningException if a live daemon holds the PID file
	 * @throws StartupException if the daemon did not confirm start-up; it is stopped
	 * then, and its PID file removed
	 * @throws IllegalArgumentException if the arguments cannot be passed (checked before
	 * anything starts)
	 */
	public long launch(Path pidFile, LaunchSpec spec, @Nullable Object[] args) {
		Objects.requireNonNull(args, "args");
		// The handlers come first: a signal during the checks below must keep the daemon
		// from being started at all, and without them the JVM's own handler would begin
		// to shut down while this thread went on to start it.
		try (StartInterruption interruption = StartInterruption.install()) {
			return checkAndLaunch(pidFile, spec, args, interruption);
		}
		catch (StartupWatch.Interrupted ex) {
			// The user asked this process to end, and it would have without the handler:
			// end it now, as the JVM would have, once everything started is stopped.
			System.out.flush();
			System.err.println("daemoniker: " + ex.getMessage());
			System.err.flush();
			Runtime.getRuntime().exit(ex.exitStatus());
			throw ex;
		}
	}

	private long checkAndLaunch(Path pidFile, LaunchSpec spec, @Nullable Object[] args,
			StartInterruption interruption) {
		ArgsCodec.check(args);
		refuseProcOfAnotherNamespace();
		Path workingDirectory = Path.of(System.getProperty("user.dir"));
		Path absolutePidFile = LaunchPaths.pidFile(workingDirectory, pidFile);
		Path directory = LaunchPaths.directory(workingDirectory, spec.chdir());
		Path defaultOutput = DefaultOutput.beside(absolutePidFile);
		LaunchRequest request = new LaunchRequest(absolutePidFile,
				target(workingDirectory, spec.stdin(), "stdin", NULL_DEVICE),
				target(workingDirectory, spec.stdout(), "stdout", defaultOutput),
				target(workingDirectory, spec.stderr(), "stderr", defaultOutput), spec.manualReadiness(),
				Arrays.asList(args), spec.settings());
		request.settings().check();
		PidFileLock.checkDistinct(absolutePidFile, request.streams());
		// Encoded before anything starts, so that limits are checked in this JVM, not in
		// a second one.
		byte[] encodedRequest = request.encode();
		checkNotRunning(absolutePidFile);
		String token = Handshake.newToken();
		JavaCommandLine commandLine = StartupCache.apply(rebuildCommandLine(workingDirectory, token, spec),
				absolutePidFile, workingDirectory, spec);
		// Loops and plain conditions rather than lambdas here and below: the launcher is
		// a short-lived JVM, and the first use of each lambda or method reference costs
		// it a generated class.
		for (String note : commandLine.notes()) {
			System.err.println("daemoniker: " + note);
		}
		DaemonSpawner.Spec spawnSpec = new DaemonSpawner.Spec(directory, spec.umask(),
				LongArguments.startable(commandLine, workingDirectory, directory), spec.shieldedFds(),
				spec.fdFallbackLimit(), Handshake.prefix(token),
				new WindowsLaunch.StandardTargets(request.stdin(), request.stdout(), request.stderr()),
				shellStart(token, request, encodedRequest));
		if (interruption.signalled() != 0) {
			throw new StartupWatch.Interrupted(interruption.signalled(), "start-up interrupted by SIG"
					+ SignalNumbers.name(interruption.signalled()) + " before the daemon was started");
		}
		if (ShutdownProbe.inProgress()) {
			// A signal that came before the handlers, or an exit of another thread: the
			// JVM ends with its own status, and starts nothing on the way. Exit blocks
			// until the JVM halts.
			Runtime.getRuntime().exit(1);
		}
		return spawnAndWait(spawnSpec, token, request, encodedRequest, spec, interruption);
	}

	/**
	 * Refuses to start where {@code /proc} shows another PID namespace's processes: this
	 * JVM could not read its own command line there, and every check of the PID file's
	 * lock holder would read another namespace's IDs.
	 */
	private static void refuseProcOfAnotherNamespace() {
		if (OperatingSystem.current() != OperatingSystem.LINUX) {
			return;
		}
		Optional<String> foreign = CurrentProcess.procOfAnotherNamespace();
		if (foreign.isPresent()) {
			throw new StartupException("cannot start the daemon: " + foreign.get()
					+ ", where this JVM cannot read its own command line nor tell the PID file's holder from"
					+ " other processes; start it where /proc is mounted for this PID namespace");
		}
	}

	private long spawnAndWait(DaemonSpawner.Spec spawnSpec, String token, LaunchRequest request, byte[] encodedRequest,
			LaunchSpec spec, StartInterruption interruption) {
		ShellStart shellStart = spawnSpec.shellStart();
		OutputTail outputs = OutputTail.before(request.stdout(), request.stderr());
		Process intermediate;
		try {
			intermediate = this.spawner.spawn(spawnSpec);
		}
		catch (IOException ex) {
			if (shellStart != null) {
				shellStart.directory().close();
			}
			throw new StartupException("cannot start the daemon: " + ex.getMessage(), ex);
		}
		StartupWatch watch = new StartupWatch(intermediate, token,
				(shellStart != null) ? shellStart.directory().status() : null);
		try {
			interruption.notify(watch.interrupter());
			if (shellStart == null) {
				RequestWriter.start(intermediate.getOutputStream(), encodedRequest);
			}
			else {
				// The request is in the start's directory: nothing comes on standard
				// input.
				closeQuietly(intermediate);
			}
			long pid = awaitReady(watch, intermediate, shellStart != null, spec, request, outputs);
			Optional<String> note = DefaultOutput.note(spec.stdout(), spec.stderr(),
					DefaultOutput.beside(request.pidFile()));
			if (note.isPresent()) {
				System.err.println("daemoniker: " + note.get());
			}
			return pid;
		}
		finally {
			// Ending the intermediate shell leaves the daemon to init and closes the
			// pipes.
			intermediate.destroy();
			awaitExit(intermediate);
			watch.close();
			if (shellStart != null) {
				shellStart.directory().close();
			}
		}
	}

	private long awaitReady(StartupWatch watch, Process intermediate, boolean shellLocks, LaunchSpec spec,
			LaunchRequest request, OutputTail outputs) {
		try {
			return watch.awaitReady(spec.successTimeout(), new HalfStartedStopper(), request.pidFile(), outputs);
		}
		catch (StartupWatch.Interrupted ex) {
			throw ex;
		}
		catch (StartupException ex) {
			if (shellLocks) {
				lostRace(watch, intermediate, request.pidFile()).ifPresent((lost) -> {
					throw lost;
				});
			}
			throw ex;
		}
	}

	/**
	 * Tells a daemon whose {@code flock} found the PID file locked: another daemon took
	 * it in the instant since this launcher looked. The daemon never ran then, and says
	 * nothing; the launcher says what it would have said.
	 */
	private Optional<StartupException> lostRace(StartupWatch watch, Process intermediate, Path pidFile) {
		awaitExit(intermediate);
		if (intermediate.isAlive() || intermediate.exitValue() != ShellStart.LOCKED_STATUS) {
			return Optional.empty();
		}
		DaemonStatus status = new PidFileInspector(this.platform).inspect(pidFile);
		long holder = status.pid().orElse(-1);
		if (status.state() != DaemonStatus.State.RUNNING || holder == watch.spawnedPid()) {
			return Optional.empty();
		}
		long pid = watch.spawnedPid();
		return Optional.of(new StartupException("the daemon" + ((pid > 0) ? " (pid " + pid + ")" : "")
				+ " failed to start: " + new AlreadyRunningException(pidFile, holder).getMessage()));
	}

	/**
	 * Finds what the intermediate shell can prepare for the daemon, so that the daemon
	 * needs no native code to start: on Linux with the {@code setsid} spawner, for a
	 * daemon that keeps its user and its core dump limit, with a {@code flock} command
	 * and a private directory for the request.
	 */
	private @Nullable ShellStart shellStart(String token, LaunchRequest request, byte[] encodedRequest) {
		if (!this.spawner.canPrepareInShell() || !request.settings().preparableInShell()) {
			return null;
		}
		Path flock = FlockCommand.find().orElse(null);
		if (flock == null) {
			return null;
		}
		Optional<StartDirectory> directory = StartDirectory.create(Path.of(System.getProperty("java.io.tmpdir")),
				encodedRequest);
		if (directory.isEmpty()) {
			return null;
		}
		return new ShellStart(directory.get(), token, request.pidFile(), request.stdin(), request.stdout(),
				request.stderr(), flock);
	}

	private static void closeQuietly(Process intermediate) {
		try {
			intermediate.getOutputStream().close();
		}
		catch (IOException ex) {
			// A shell that is already gone reads nothing anyway.
		}
	}

	private JavaCommandLine rebuildCommandLine(Path workingDirectory, String token, LaunchSpec spec) {
		String executable;
		List<String> arguments;
		if (OperatingSystem.current() == OperatingSystem.WINDOWS) {
			WindowsJava java = WindowsJava.in(Path.of(System.getProperty("java.home")));
			java.note().ifPresent((note) -> System.err.println("daemoniker: " + note));
			executable = java.executable().toString();
			arguments = ProcessArguments.currentOnWindows();
			if (arguments.isEmpty()) {
				throw new StartupException("cannot start the daemon: GetCommandLineW holds no arguments for this JVM, "
						+ "and a daemon started without them would not run this program");
			}
		}
		else {
			ProcessHandle.Info info = ProcessHandle.current().info();
			Optional<String> command = info.command();
			if (command.isEmpty()) {
				throw new StartupException("cannot tell which Java executable runs this JVM");
			}
			executable = command.get();
			arguments = ProcessArguments.current();
		}
		List<String> leading = new ArrayList<>();
		leading.add(DaemonProperties.MARKER_OPTION_PREFIX + token);
		if (!spec.stripCommandArguments()) {
			// Without the application arguments, the command line cannot start the
			// application again: no directory then, and restart refuses.
			leading.add("-D" + DaemonProperties.LAUNCH_DIRECTORY_PROPERTY + "=" + workingDirectory);
		}
		// Nothing else is added, not even --enable-native-access: a CDS archive or AOT
		// cache is only used by a JVM whose module options match those it was made with.
		// The application's manifest or command line says whether native access is
		// enabled.
		leading.addAll(spec.jvmOptions());
		return JavaCommandLine.forDaemon(executable, arguments, workingDirectory, leading,
				spec.stripCommandArguments());
	}

	private static void awaitExit(Process intermediate) {
		try {
			intermediate.waitFor(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void checkNotRunning(Path pidFile) {
		DaemonStatus status = new PidFileInspector(this.platform).inspect(pidFile);
		if (status.state() == DaemonStatus.State.RUNNING) {
			throw new AlreadyRunningException(pidFile, status.pid().orElse(-1));
		}
		if (status.state() == DaemonStatus.State.UNTRUSTED) {
			throw new PidFileException(pidFile, "cannot start: " + status.description());
		}
	}

	/**
	 * Stops a daemon that did not start: TERM first so that it removes its PID file, KILL
	 * if it does not go, and then removes its PID file if it left one (a daemon that died
	 * of its own, or was killed, cannot remove it).
	 * @return whether a PID file left by the daemon was removed here
	 */
	private boolean stopHalfStarted(long pid, Path pidFile) {
		boolean hadPidFile = Files.exists(pidFile, LinkOption.NOFOLLOW_LINKS);
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
		// Removed here, or by the daemon's own shutdown hook; none other than this
		// daemon's can have appeared since the launcher found none running.
		return hadPidFile && !Files.exists(pidFile, LinkOption.NOFOLLOW_LINKS);
	}

	private static Path target(Path workingDirectory, @Nullable Path file, String stream, Path otherwise) {
		return (file != null) ? LaunchPaths.target(workingDirectory, file, stream) : otherwise;
	}

	/**
	 * Stops a daemon that did not start; a class, not a method reference: the launcher is
	 * a short-lived JVM, and the first use of each method reference costs it a generated
	 * class.
	 */
	private final class HalfStartedStopper implements StartupWatch.Stopper {

		@Override
		public boolean stop(long pid, Path pidFile) {
			return stopHalfStarted(pid, pidFile);
		}

	}

}
