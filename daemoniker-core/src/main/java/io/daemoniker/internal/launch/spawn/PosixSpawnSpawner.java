/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.launch.spawn;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.sun.jna.Function;
import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import com.sun.jna.StringArray;
import com.sun.jna.platform.unix.Resource;
import com.sun.jna.ptr.IntByReference;

import io.daemoniker.DaemonikerException;
import io.daemoniker.StartupException;
import io.daemoniker.internal.platform.LibC;
import io.daemoniker.internal.platform.LinuxConstants;
import io.daemoniker.internal.platform.MacOsConstants;
import io.daemoniker.internal.platform.SignalNumbers;
import io.daemoniker.internal.platform.UnixConstants;
import org.jspecify.annotations.Nullable;

/**
 * Spawns the intermediate shell with {@code posix_spawn}, which lets the launcher decide
 * exactly what the new process inherits, without forking the JVM:
 * <ul>
 * <li>a new session ({@code POSIX_SPAWN_SETSID}), which the shell leads and the daemon,
 * its background child, does not;</li>
 * <li>every signal at its default action and none blocked ({@code POSIX_SPAWN_SETSIGDEF},
 * {@code POSIX_SPAWN_SETSIGMASK}), so that a launcher started under {@code nohup} does
 * not give a daemon that ignores HUP;</li>
 * <li>pipes as standard streams, and no other descriptor but the shielded ones: closed
 * with {@code posix_spawn_file_actions_addclosefrom_np} where the C library has it (glibc
 * 2.34 and later), by {@code POSIX_SPAWN_CLOEXEC_DEFAULT} on macOS, or one by one
 * otherwise, for each descriptor that is open below the descriptor limit.</li>
 * </ul>
 * Shielded descriptors must be open in the launcher; they are inherited even if they were
 * opened close-on-exec.
 */
final class PosixSpawnSpawner implements DaemonSpawner {

	private static final String SHELL = "/bin/sh";

	private static final boolean MAC = Platform.isMac();

	/** Large enough for a {@code sigset_t} (128 bytes with glibc, 4 on macOS). */
	private static final int SIGSET_SIZE = 128;

	/**
	 * Large enough for {@code posix_spawnattr_t} and {@code posix_spawn_file_actions_t}
	 * (at most 336 bytes with glibc, a pointer on macOS).
	 */
	private static final int SPAWN_OBJECT_SIZE = 512;

	private static final int SIGKILL = SignalNumbers.require("KILL");

	private static final int SIGSTOP = SignalNumbers.require("STOP");

	private static final int FIRST_CLOSED_FD = 3;

	private static final String COMMAND_ENCODING = System.getProperty("sun.jnu.encoding",
			System.getProperty("native.encoding", "UTF-8"));

	/** glibc 2.34 and later: closes a descriptor and every one above it. */
	private static final @Nullable Function ADD_CLOSE_FROM = MAC ? null
			: LibC.optionalFunction("posix_spawn_file_actions_addclosefrom_np");

	/** macOS: keeps a descriptor open under {@code POSIX_SPAWN_CLOEXEC_DEFAULT}. */
	private static final @Nullable Function ADD_INHERIT = MAC
			? LibC.optionalFunction("posix_spawn_file_actions_addinherit_np") : null;

	/** Linux: creates a pipe whose ends are close-on-exec from the start. */
	private static final @Nullable Function PIPE2 = MAC ? null : LibC.optionalFunction("pipe2");

	private final @Nullable Function addCloseFrom;

	PosixSpawnSpawner() {
		this(true);
	}

	/**
	 * Creates a spawner.
	 * @param closeFrom whether to close ranges of descriptors where the C library can;
	 * {@code false} closes them one by one, as on C libraries that cannot
	 */
	PosixSpawnSpawner(boolean closeFrom) {
		this.addCloseFrom = closeFrom ? ADD_CLOSE_FROM : null;
	}

	@Override
	public Process spawn(Spec spec) throws IOException {
		LibC.Spawn.require("start the daemon with posix_spawn");
		List<String> argv = new ArrayList<>();
		argv.add(SHELL);
		argv.addAll(spec.shellArguments());
		for (int fd : spec.shieldedFds()) {
			inheritable(fd);
		}
		int[] stdin = null;
		int[] stdout = null;
		int[] stderr = null;
		try {
			stdin = pipe();
			stdout = pipe();
			stderr = pipe();
			int pid = spawn(argv, spec, stdin[0], stdout[1], stderr[1]);
			closeQuietly(stdin[0]);
			closeQuietly(stdout[1]);
			closeQuietly(stderr[1]);
			return new PosixSpawnedProcess(pid, new PipeEnd(stdin[1]), new PipeEnd(stdout[0]), new PipeEnd(stderr[0]));
		}
		catch (IOException | RuntimeException ex) {
			closeAll(stdin);
			closeAll(stdout);
			closeAll(stderr);
			throw ex;
		}
	}

	private int spawn(List<String> argv, Spec spec, int stdin, int stdout, int stderr) throws IOException {
		try (Memory attributes = zeroed(SPAWN_OBJECT_SIZE);
				Memory actions = zeroed(SPAWN_OBJECT_SIZE);
				Memory defaultSignals = zeroed(SIGSET_SIZE);
				Memory noSignals = zeroed(SIGSET_SIZE)) {
			check(LibC.Spawn.posix_spawnattr_init(attributes), "posix_spawnattr_init");
			try {
				check(LibC.Spawn.posix_spawn_file_actions_init(actions), "posix_spawn_file_actions_init");
				try {
					setAttributes(attributes, defaultSignals, noSignals);
					addFileActions(actions, spec, stdin, stdout, stderr);
					IntByReference pid = new IntByReference();
					// Encoded as the JDK encodes the command lines of the processes it
					// starts.
					try (StringArray args = new StringArray(argv.toArray(new String[0]), COMMAND_ENCODING)) {
						int error = LibC.Spawn.posix_spawn(pid, SHELL, actions, attributes, args, environ());
						if (error != 0) {
							throw new IOException(
									"posix_spawn of " + SHELL + " failed: " + LibC.describe(error) + hint(error));
						}
					}
					return pid.getValue();
				}
				finally {
					LibC.Spawn.posix_spawn_file_actions_destroy(actions);
				}
			}
			finally {
				LibC.Spawn.posix_spawnattr_destroy(attributes);
			}
		}
	}

	private static String hint(int error) {
		// EINVAL: a C library that does not know POSIX_SPAWN_SETSID refuses the flags.
		return (error == 22) ? "; a new session needs glibc 2.26 or later, or macOS 10.15 or later" : "";
	}

	private static void setAttributes(Memory attributes, Memory defaultSignals, Memory noSignals) throws IOException {
		short flags = (short) (UnixConstants.POSIX_SPAWN_SETSID | UnixConstants.POSIX_SPAWN_SETSIGDEF
				| UnixConstants.POSIX_SPAWN_SETSIGMASK);
		if (MAC) {
			flags |= MacOsConstants.POSIX_SPAWN_CLOEXEC_DEFAULT;
		}
		check(LibC.Spawn.posix_spawnattr_setflags(attributes, flags), "posix_spawnattr_setflags");
		LibC.Spawn.sigemptyset(defaultSignals);
		for (int signum = 1; signum <= 31; signum++) {
			if (signum != SIGKILL && signum != SIGSTOP) {
				LibC.Spawn.sigaddset(defaultSignals, signum);
			}
		}
		check(LibC.Spawn.posix_spawnattr_setsigdefault(attributes, defaultSignals), "posix_spawnattr_setsigdefault");
		LibC.Spawn.sigemptyset(noSignals);
		check(LibC.Spawn.posix_spawnattr_setsigmask(attributes, noSignals), "posix_spawnattr_setsigmask");
	}

	private void addFileActions(Memory actions, Spec spec, int stdin, int stdout, int stderr) throws IOException {
		check(LibC.Spawn.posix_spawn_file_actions_adddup2(actions, stdin, 0), "adddup2");
		check(LibC.Spawn.posix_spawn_file_actions_adddup2(actions, stdout, 1), "adddup2");
		check(LibC.Spawn.posix_spawn_file_actions_adddup2(actions, stderr, 2), "adddup2");
		Set<Integer> shielded = spec.shieldedFds();
		if (MAC) {
			for (int fd : shielded) {
				if (ADD_INHERIT == null) {
					throw new IOException("this macOS has no posix_spawn_file_actions_addinherit_np, "
							+ "so descriptor " + fd + " cannot be shielded");
				}
				check(ADD_INHERIT.invokeInt(new Object[] { actions, fd }), "posix_spawn_file_actions_addinherit_np");
			}
			return;
		}
		ClosePlan plan;
		if (this.addCloseFrom != null) {
			plan = ClosePlan.withCloseFrom(shielded, PosixSpawnSpawner::isOpen);
		}
		else {
			int limit = descriptorLimit(spec.fdFallbackLimit());
			plan = ClosePlan.explicit(openDescriptors(limit), shielded, limit);
		}
		for (int fd : plan.closes()) {
			check(LibC.Spawn.posix_spawn_file_actions_addclose(actions, fd), "posix_spawn_file_actions_addclose");
		}
		if (plan.closeFrom().isPresent()) {
			check(this.addCloseFrom.invokeInt(new Object[] { actions, plan.closeFrom().getAsInt() }),
					"posix_spawn_file_actions_addclosefrom_np");
		}
	}

	/**
	 * Lists the descriptors from 3 up that are open in this process, from
	 * {@code /proc/self/fd} on Linux or {@code /dev/fd} elsewhere, and checks each one
	 * still is: the listing's own descriptor is closed by now. Where neither can be
	 * listed, every descriptor below the limit is checked.
	 */
	private static Set<Integer> openDescriptors(int limit) {
		Set<Integer> candidates = listedDescriptors();
		if (candidates == null) {
			candidates = new TreeSet<>();
			for (int fd = FIRST_CLOSED_FD; fd < limit; fd++) {
				candidates.add(fd);
			}
		}
		Set<Integer> open = new TreeSet<>();
		for (int fd : candidates) {
			if (fd >= FIRST_CLOSED_FD && fd < limit && isOpen(fd)) {
				open.add(fd);
			}
		}
		return open;
	}

	private static @Nullable Set<Integer> listedDescriptors() {
		for (String directory : List.of("/proc/self/fd", "/dev/fd")) {
			Set<Integer> listed = new TreeSet<>();
			try (DirectoryStream<Path> entries = Files.newDirectoryStream(Path.of(directory))) {
				for (Path entry : entries) {
					String name = entry.getFileName().toString();
					if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
						listed.add(Integer.parseInt(name));
					}
				}
				return listed;
			}
			catch (IOException | NumberFormatException ex) {
				// Try the next place, or check every descriptor.
			}
		}
		return null;
	}

	/**
	 * Returns the soft limit on open descriptors, which no open descriptor reaches, or
	 * the fallback limit if there is none.
	 */
	static int descriptorLimit(int fallback) {
		try {
			LibC.Limits.require("read the limit on open descriptors");
			Resource.Rlimit limit = new Resource.Rlimit();
			LibC.Limits.getrlimit(UnixConstants.RLIMIT_NOFILE, limit);
			long soft = limit.rlim_cur;
			// RLIM_INFINITY is all ones on Linux and the largest signed value on macOS.
			if (soft < 0 || soft >= Integer.MAX_VALUE) {
				return fallback;
			}
			return (int) soft;
		}
		catch (LastErrorException | DaemonikerException ex) {
			return fallback;
		}
	}

	static boolean isOpen(int fd) {
		try {
			LibC.fcntl(fd, UnixConstants.F_GETFD, 0);
			return true;
		}
		catch (LastErrorException ex) {
			return false;
		}
	}

	/**
	 * Makes sure that a shielded descriptor is open and survives {@code exec}.
	 */
	private static void inheritable(int fd) {
		int flags;
		try {
			flags = LibC.fcntl(fd, UnixConstants.F_GETFD, 0);
		}
		catch (LastErrorException ex) {
			throw new StartupException("cannot shield descriptor " + fd + ": it is not open in the launcher ("
					+ LibC.describe(ex.getErrorCode()) + "); shield only descriptors that are open");
		}
		if ((flags & UnixConstants.FD_CLOEXEC) != 0) {
			try {
				LibC.fcntl(fd, UnixConstants.F_SETFD, flags & ~UnixConstants.FD_CLOEXEC);
			}
			catch (LastErrorException ex) {
				throw new StartupException("cannot shield descriptor " + fd
						+ ": its close-on-exec flag cannot be cleared (" + LibC.describe(ex.getErrorCode()) + ")");
			}
		}
	}

	/**
	 * Creates a pipe whose ends are close-on-exec and above 2, so that a launcher that
	 * runs with a standard stream closed cannot get a pipe end where the child's standard
	 * stream goes.
	 */
	private static int[] pipe() throws IOException {
		int[] fds = new int[2];
		try {
			if (PIPE2 != null) {
				PIPE2.invokeInt(new Object[] { fds, LinuxConstants.O_CLOEXEC });
			}
			else {
				LibC.pipe(fds);
			}
			for (int i = 0; i < 2; i++) {
				if (fds[i] < FIRST_CLOSED_FD) {
					int moved = LibC.fcntl(fds[i], UnixConstants.F_DUPFD_CLOEXEC, FIRST_CLOSED_FD);
					closeQuietly(fds[i]);
					fds[i] = moved;
				}
				else if (PIPE2 == null) {
					LibC.fcntl(fds[i], UnixConstants.F_SETFD, UnixConstants.FD_CLOEXEC);
				}
			}
			return fds;
		}
		catch (LastErrorException ex) {
			closeAll(fds);
			throw new IOException("cannot create a pipe: " + LibC.describe(ex.getErrorCode()), ex);
		}
	}

	private static void check(int error, String call) throws IOException {
		if (error != 0) {
			throw new IOException(call + " failed: " + LibC.describe(error));
		}
	}

	private static void closeAll(int @Nullable [] fds) {
		if (fds != null) {
			for (int fd : fds) {
				closeQuietly(fd);
			}
		}
	}

	private static void closeQuietly(int fd) {
		if (fd >= FIRST_CLOSED_FD) {
			try {
				LibC.close(fd);
			}
			catch (LastErrorException ex) {
				// Nothing to do about a failed close of our own pipe end.
			}
		}
	}

	/**
	 * Allocates zeroed native memory.
	 * @param size the size in bytes
	 * @return the memory
	 */
	static Memory zeroed(int size) {
		Memory memory = new Memory(size);
		memory.clear();
		return memory;
	}

	/**
	 * Returns this process's environment as the C library holds it, byte for byte.
	 * @return a pointer to the {@code NULL}-terminated {@code environ} array
	 */
	private static Pointer environ() {
		if (MAC) {
			// A shared library cannot see environ on macOS; _NSGetEnviron() is the
			// documented way to reach it.
			return LibC.library().getFunction("_NSGetEnviron").invokePointer(new Object[0]).getPointer(0);
		}
		return LibC.library().getGlobalVariableAddress("environ").getPointer(0);
	}

}
