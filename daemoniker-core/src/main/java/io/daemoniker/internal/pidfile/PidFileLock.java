/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.pidfile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.daemoniker.AlreadyRunningException;
import io.daemoniker.PidFileException;
import io.daemoniker.internal.platform.CurrentProcess;
import io.daemoniker.internal.platform.KernelPaths;
import io.daemoniker.internal.platform.OperatingSystem;

/**
 * A PID file that this process has created or reclaimed and holds locked for as long as
 * it lives. The operating system drops the lock when the process dies, however it dies,
 * so a PID file that exists but is not locked is stale and is reclaimed by the next
 * start, if it holds nothing but a PID: any other file at the path is refused and left as
 * it is.
 * <p>
 * The lock belongs to the open file, not to the process (an {@code flock} lock on Unix, a
 * handle's lock on Windows), so the process may open and close the PID file elsewhere, as
 * {@code Files.readString(pidFile)} does, without losing it.
 */
public final class PidFileLock implements AutoCloseable {

	private static final Map<Path, PidFileLock> HELD = new ConcurrentHashMap<>();

	private static final int ATTEMPTS = 20;

	/**
	 * The byte that a daemon locks in its PID file on Windows, past any content it will
	 * ever hold.
	 */
	public static final long WINDOWS_LOCK_POSITION = Integer.MAX_VALUE;

	private static final boolean WINDOWS = OperatingSystem.current() == OperatingSystem.WINDOWS;

	/**
	 * How long a Windows daemon waits for a PID file that is being deleted to go, before
	 * it believes that access to it is really denied.
	 */
	private static final long PENDING_DELETION_WAIT_NANOS = 2_000_000_000L;

	private final Path path;

	private final HeldFile file;

	private volatile boolean released;

	private PidFileLock(Path path, HeldFile file) {
		this.path = path;
		this.file = file;
	}

	/**
	 * Creates or reclaims the PID file, locks it and writes the PID into it. A shutdown
	 * hook removes it when the JVM exits in an orderly way.
	 * @param pidFile the PID file
	 * @param pid the PID to write
	 * @return the held PID file
	 * @throws AlreadyRunningException if a live process holds the lock
	 * @throws PidFileException if the file cannot be created, locked or written, or is
	 * not a stale PID file
	 */
	public static PidFileLock acquire(Path pidFile, long pid) {
		return acquire(pidFile, pid, Map.of());
	}

	/**
	 * Creates or reclaims the PID file, as {@link #acquire(Path, long)} does, refusing it
	 * when it is the same file as one of the daemon's stream targets.
	 * @param pidFile the PID file
	 * @param pid the PID to write
	 * @param streams the files the daemon's standard streams go to, by stream name
	 * @return the held PID file
	 * @throws AlreadyRunningException if a live process holds the lock
	 * @throws PidFileException if the file cannot or must not be taken
	 */
	public static PidFileLock acquire(Path pidFile, long pid, Map<String, Path> streams) {
		return take(pidFile, pid, streams, false, false);
	}

	/**
	 * Takes over the PID file that this process inherited locked, as the intermediate
	 * shell of a start leaves it, with the same checks as
	 * {@link #acquire(Path, long, Map)}; where this process holds no lock on the file the
	 * path names (it was replaced since), takes it as that method does.
	 * @param pidFile the PID file
	 * @param pid the PID to write
	 * @param streams the files the daemon's standard streams go to, by stream name
	 * @param created whether the shell created the file for this process
	 * @return the held PID file
	 * @throws AlreadyRunningException if a live process holds the lock
	 * @throws PidFileException if the file cannot or must not be taken
	 */
	public static PidFileLock adoptInherited(Path pidFile, long pid, Map<String, Path> streams, boolean created) {
		return take(pidFile, pid, streams, true, created);
	}

	private static PidFileLock take(Path pidFile, long pid, Map<String, Path> streams, boolean inherited,
			boolean created) {
		Path path = KernelPaths.resolve(pidFile);
		if (HELD.containsKey(path)) {
			throw new AlreadyRunningException(path, CurrentProcess.pid());
		}
		Map<String, Path> targets = new LinkedHashMap<>();
		// Loops and named classes rather than lambdas on this path: a daemon takes its
		// PID file on its way to "ready", where each lambda's first use costs its short-
		// lived start a generated class.
		for (Map.Entry<String, Path> stream : streams.entrySet()) {
			targets.put(stream.getKey(), KernelPaths.resolve(stream.getValue()));
		}
		Optional<HeldFile> adopted = inherited ? InheritedLock.adopt(path, targets, created) : Optional.empty();
		if (adopted.isPresent()) {
			return hold(path, adopted.get(), pid);
		}
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			Optional<HeldFile> acquired = WINDOWS ? tryOnWindows(path, targets)
					: UnixHeldFile.tryAcquire(path, targets);
			if (acquired.isPresent()) {
				return hold(path, acquired.get(), pid);
			}
		}
		throw new PidFileException(path, "cannot take " + path + ": it kept being replaced by other processes");
	}

	private static PidFileLock hold(Path path, HeldFile file, long pid) {
		PidFileLock held = new PidFileLock(path, file);
		try {
			held.write(pid);
		}
		catch (PidFileException ex) {
			held.close();
			throw ex;
		}
		HELD.put(path, held);
		Runtime.getRuntime().addShutdownHook(new Thread(new RemovalAtExit(held), "daemoniker-pid-file-removal"));
		return held;
	}

	/**
	 * Refuses, before anything is started or created, a PID file that is the same file as
	 * one of the daemon's stream targets: the same path once resolved as the kernel
	 * resolves it, a symbolic link (even a dangling one) that leads from a target to the
	 * PID file, or a hard link of it. Each of them would make the daemon write its log
	 * into its PID file and lose its lock to the first rotation.
	 * @param pidFile the resolved PID file
	 * @param streams the stream targets, by stream name
	 * @throws PidFileException if one of them is the PID file
	 */
	public static void checkDistinct(Path pidFile, Map<String, Path> streams) {
		for (Map.Entry<String, Path> stream : streams.entrySet()) {
			Path target = stream.getValue();
			boolean same;
			try {
				same = pidFile.equals(LinkTargets.finalTarget(target))
						|| (Files.exists(target) && Files.exists(pidFile) && Files.isSameFile(target, pidFile));
			}
			catch (IOException ex) {
				same = false;
			}
			if (same) {
				throw Refusals.sameAsStream(pidFile, stream.getKey(), target);
			}
		}
	}

	/**
	 * Returns the PID file that this process holds at a path, if it holds one.
	 * @param pidFile the path
	 * @return the held PID file, or empty
	 */
	public static Optional<PidFileLock> heldByThisProcess(Path pidFile) {
		return Optional.ofNullable(HELD.get(KernelPaths.resolve(pidFile)));
	}

	/**
	 * Returns the PID file held by this process that a path reaches, following symbolic
	 * links, as opening the path would: a log file must never be opened on it.
	 * @param path the path
	 * @return the held PID file, or empty
	 */
	public static Optional<PidFileLock> reachedThrough(Path path) {
		return HELD.values().stream().filter((held) -> held.file.isReachedThrough(path)).findFirst();
	}

	/**
	 * Returns the PID file this process holds, if it holds exactly one. A daemon started
	 * in another directory may name its PID file by a relative path that no longer
	 * resolves to the file it holds.
	 * @return the only held PID file, or empty
	 */
	public static Optional<PidFileLock> onlyHeld() {
		List<PidFileLock> held = List.copyOf(HELD.values());
		return (held.size() == 1) ? Optional.of(held.get(0)) : Optional.empty();
	}

	/**
	 * One attempt on Windows, which waits out a deletion in progress for a short while:
	 * under the legacy delete semantics that some Windows file systems still have, a
	 * removed file stays until the last process that had it open closes it (the daemon
	 * that just stopped, say), and meanwhile every attempt to create or open it is
	 * denied.
	 */
	private static Optional<HeldFile> tryOnWindows(Path path, Map<String, Path> targets) {
		long deadline = System.nanoTime() + PENDING_DELETION_WAIT_NANOS;
		while (true) {
			try {
				return ChannelHeldFile.tryAcquire(path, targets);
			}
			catch (PidFileException ex) {
				if (!(ex.getCause() instanceof AccessDeniedException) || System.nanoTime() - deadline >= 0) {
					throw ex;
				}
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new PidFileException(path, "interrupted while waiting to create PID file " + path, ex);
			}
		}
	}

	/**
	 * Replaces the PID in the file, keeping the lock.
	 * @param pid the new PID
	 * @throws PidFileException if the file cannot be written
	 */
	public synchronized void write(long pid) {
		try {
			// Written over the old PID, then cut to length, so that a reader never finds
			// the file empty: it changes on every signal on Windows.
			this.file.replaceContent(content(pid).getBytes(StandardCharsets.US_ASCII));
		}
		catch (IOException ex) {
			throw new PidFileException(this.path,
					"cannot write PID " + pid + " into " + this.path + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * The PID, and on Windows when that process started: there the PID file names the
	 * daemon's signal sentinel, and a reader must tell it apart from a later process with
	 * the same PID (see {@link UnnamedHolder}).
	 */
	private static String content(long pid) {
		if (WINDOWS) {
			Optional<Instant> started = ProcessHandle.of(pid).flatMap((process) -> process.info().startInstant());
			if (started.isPresent()) {
				return PidFileContent.format(pid, started.get());
			}
		}
		return PidFileContent.format(pid);
	}

	/**
	 * Returns the path of the PID file.
	 * @return the absolute path
	 */
	public Path path() {
		return this.path;
	}

	/**
	 * /** Arranges, from a shutdown hook, for the PID file to be removed as the JVM's
	 * last act, and keeps the lock until the process ends. Shutdown hooks run
	 * concurrently: releasing the lock here would let a new daemon start on this PID file
	 * while this one still runs the other hooks. {@code File.deleteOnExit} runs after the
	 * JDK has joined every application shutdown hook.
	 */
	private void removeAtExit() {
		// Remove only the file we locked: never a newer one that replaced it, nor
		// anything else that was put there.
		if (!this.released && this.file.isNamedBy(this.path)) {
			try {
				this.path.toFile().deleteOnExit();
			}
			catch (IllegalStateException ex) {
				// The JVM is past running the removals: nothing can be arranged now.
			}
		}
	}

	/**
	 * Removes the PID file and then releases the lock. Idempotent. The file is removed
	 * only if the path still names the very file that was locked: never a newer one that
	 * replaced it, nor anything else that was put there.
	 */
	@Override
	public synchronized void close() {
		if (this.released) {
			return;
		}
		this.released = true;
		HELD.remove(this.path, this);
		try {
			if (this.file.isNamedBy(this.path)) {
				Files.deleteIfExists(this.path);
			}
		}
		catch (IOException ex) {
			// Already gone, or not ours any more: either way nothing to remove.
		}
		this.file.release();
	}

	/**
	 * The shutdown hook that removes a held PID file.
	 */
	private static final class RemovalAtExit implements Runnable {

		private final PidFileLock held;

		RemovalAtExit(PidFileLock held) {
			this.held = held;
		}

		@Override
		public void run() {
			this.held.removeAtExit();
		}

	}

}
