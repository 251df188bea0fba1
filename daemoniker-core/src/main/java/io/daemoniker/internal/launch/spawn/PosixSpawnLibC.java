/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.launch.spawn;

import com.sun.jna.Function;
import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import io.daemoniker.internal.platform.JnaLoading;
import io.daemoniker.internal.platform.SignalNumbers;
import org.jspecify.annotations.Nullable;

/**
 * The C library calls that {@link PosixSpawnSpawner} makes, bound by JNA direct mapping,
 * and the constants whose values differ between Linux and macOS. Functions that only some
 * C libraries have are looked up when first needed instead of being bound here, so that
 * binding never fails on a C library that lacks them.
 */
final class PosixSpawnLibC {

	private static final NativeLibrary LIBRARY = NativeLibrary.getInstance(JnaLoading.cLibrary());

	static {
		Native.register(PosixSpawnLibC.class, LIBRARY);
	}

	static final boolean MAC = Platform.isMac();

	/** Set the signals in the default set to their default action. */
	static final short POSIX_SPAWN_SETSIGDEF = 0x04;

	/** Set the signal mask. */
	static final short POSIX_SPAWN_SETSIGMASK = 0x08;

	/** Start a new session (glibc 2.26 and later; macOS 10.15 and later). */
	static final short POSIX_SPAWN_SETSID = MAC ? (short) 0x400 : (short) 0x80;

	/** macOS only: close every descriptor that no file action names. */
	static final short POSIX_SPAWN_CLOEXEC_DEFAULT = 0x4000;

	static final int F_GETFD = 1;

	static final int F_SETFD = 2;

	static final int FD_CLOEXEC = 1;

	static final int F_DUPFD_CLOEXEC = MAC ? 67 : 1030;

	/** {@code O_CLOEXEC} for {@code pipe2}, which only Linux has here. */
	static final int O_CLOEXEC = 02000000;

	static final int RLIMIT_NOFILE = MAC ? 8 : 7;

	static final int SIGKILL = SignalNumbers.require("KILL");

	static final int SIGTERM = SignalNumbers.require("TERM");

	static final int SIGSTOP = SignalNumbers.require("STOP");

	static final int P_PID = 1;

	static final int WEXITED = 4;

	static final int WNOWAIT = MAC ? 0x20 : 0x01000000;

	/** {@code WNOHANG}, the same on Linux and macOS. */
	static final int WNOHANG = 1;

	static final int EINTR = 4;

	/** Large enough for a {@code sigset_t} (128 bytes with glibc, 4 on macOS). */
	static final int SIGSET_SIZE = 128;

	/**
	 * Large enough for {@code posix_spawnattr_t} and {@code posix_spawn_file_actions_t}
	 * (at most 336 bytes with glibc, a pointer on macOS).
	 */
	static final int SPAWN_OBJECT_SIZE = 512;

	/** Large enough for a {@code siginfo_t} (128 bytes on Linux, 104 on macOS). */
	static final int SIGINFO_SIZE = 256;

	private PosixSpawnLibC() {
	}

	static native int posix_spawn(IntByReference pid, String path, Pointer fileActions, Pointer attributes,
			Pointer argv, Pointer envp);

	static native int posix_spawnattr_init(Pointer attributes);

	static native int posix_spawnattr_destroy(Pointer attributes);

	static native int posix_spawnattr_setflags(Pointer attributes, short flags);

	static native int posix_spawnattr_setsigdefault(Pointer attributes, Pointer signals);

	static native int posix_spawnattr_setsigmask(Pointer attributes, Pointer signals);

	static native int posix_spawn_file_actions_init(Pointer fileActions);

	static native int posix_spawn_file_actions_destroy(Pointer fileActions);

	static native int posix_spawn_file_actions_adddup2(Pointer fileActions, int fd, int newFd);

	static native int posix_spawn_file_actions_addclose(Pointer fileActions, int fd);

	static native int sigemptyset(Pointer set) throws LastErrorException;

	static native int sigaddset(Pointer set, int signum) throws LastErrorException;

	static native int pipe(int[] fds) throws LastErrorException;

	/**
	 * Calls {@code fcntl} with an integer argument. {@code fcntl} is variadic, which
	 * direct mapping cannot express; on macOS on ARM variadic arguments travel
	 * differently from fixed ones.
	 * @param fd the descriptor
	 * @param command the command
	 * @param argument its argument
	 * @return what {@code fcntl} returns
	 * @throws LastErrorException if it fails
	 */
	static int fcntl(int fd, int command, int argument) throws LastErrorException {
		return Variadic.INSTANCE.fcntl(fd, command, argument);
	}

	static native int close(int fd) throws LastErrorException;

	static native NativeLong read(int fd, Pointer buffer, NativeLong count) throws LastErrorException;

	static native NativeLong write(int fd, Pointer buffer, NativeLong count) throws LastErrorException;

	static native int getrlimit(int resource, Pointer limit) throws LastErrorException;

	static native int kill(int pid, int signum) throws LastErrorException;

	static native int waitid(int idType, int id, Pointer info, int options) throws LastErrorException;

	static native int waitpid(int pid, IntByReference status, int options) throws LastErrorException;

	static native String strerror(int errno);

	/**
	 * Looks up a function that not every C library has.
	 * @param name the function's name
	 * @return the function, or {@code null} if this C library lacks it
	 */
	static @Nullable Function optionalFunction(String name) {
		try {
			// Failures throw LastErrorException, as those of the bound functions do.
			return LIBRARY.getFunction(name, Function.THROW_LAST_ERROR);
		}
		catch (UnsatisfiedLinkError ex) {
			return null;
		}
	}

	/**
	 * Returns this process's environment as the C library holds it, byte for byte.
	 * @return a pointer to the {@code NULL}-terminated {@code environ} array
	 */
	static Pointer environ() {
		if (MAC) {
			// A shared library cannot see environ on macOS; _NSGetEnviron() is the
			// documented way to reach it.
			return LIBRARY.getFunction("_NSGetEnviron").invokePointer(new Object[0]).getPointer(0);
		}
		return LIBRARY.getGlobalVariableAddress("environ").getPointer(0);
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
	 * Describes an error number in the C library's words.
	 * @param errno the error number
	 * @return the description, with the number
	 */
	static String describe(int errno) {
		String text;
		try {
			text = strerror(errno);
		}
		catch (RuntimeException | UnsatisfiedLinkError ex) {
			text = null;
		}
		return ((text != null) ? text : "error") + " (errno " + errno + ")";
	}

	/**
	 * Variadic C functions, bound by interface mapping, which knows where the fixed
	 * arguments end.
	 */
	interface Variadic extends Library {

		Variadic INSTANCE = Native.load(JnaLoading.cLibrary(), Variadic.class);

		int fcntl(int fd, int command, Object... arguments) throws LastErrorException;

	}

}
