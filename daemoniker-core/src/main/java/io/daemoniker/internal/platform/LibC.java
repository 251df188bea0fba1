/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.platform;

import com.sun.jna.Function;
import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import com.sun.jna.platform.unix.Resource;
import com.sun.jna.ptr.IntByReference;
import org.jspecify.annotations.Nullable;

/**
 * The C library of Linux and macOS: every C function that Daemoniker calls on Unix is
 * bound here, but for macOS's {@code sysctl}, which JNA's platform library binds
 * ({@code SystemB}, for the JVM's own command line). Its constants are in
 * {@link LinuxConstants} and {@link MacOsConstants} ({@link UnixConstants} for the
 * running system's), error numbers are put into words by the C library itself
 * ({@link #describe}), and JNA's platform library gives the types it has
 * ({@link Resource.Rlimit}).
 * <p>
 * The binding has the shape it has for three reasons:
 * <ul>
 * <li>JNA's direct mapping ({@code Native.register}) is the cheapest call, but it binds
 * every native method of a class at once, in the class's initializer, and fails for the
 * whole class when one function is missing. The functions of this class itself are the
 * ones in every Unix C library that the short-lived paths call ({@code stop},
 * {@code send}, and the daemon when it takes its PID file with native calls), so that
 * those pay for binding only these.</li>
 * <li>Every other function is in a nested class, grouped as the C headers group them and
 * bound when the group is first used, with {@link NativeBindings}: binding costs about a
 * tenth of a millisecond per function, which a {@code stop} should not pay for
 * {@code posix_spawn} or the user database, and a function that one C library lacks
 * (Linux's {@code prctl} on macOS) fails only its own group, as a
 * {@link io.daemoniker.DaemonikerException} that names it, once the group's
 * {@code require} is called.</li>
 * <li>Variadic functions ({@code open}, {@code fcntl}) are bound by interface mapping
 * ({@link Variadic}), which passes the arguments after the fixed ones as variadic
 * arguments: direct mapping passes every argument as a fixed one, and on Apple's arm64
 * ABI variadic arguments travel on the stack instead, so the mode of {@code open} and the
 * argument of {@code fcntl} would arrive as garbage. {@code syscall} and {@code prctl}
 * are the exceptions, bound directly because they are called on Linux only, whose ABIs
 * pass integer variadic arguments as fixed ones.</li>
 * </ul>
 * Loading this class loads JNA: keep it off the paths that can do without.
 */
public final class LibC {

	static {
		Native.register(LibC.class, JnaLoading.cLibrary());
	}

	private LibC() {
	}

	/**
	 * Describes an error number in the C library's words ({@code strerror}), in the
	 * system's language, as the other programs on it do.
	 * @param errno the error number
	 * @return such as "no such file or directory (errno 2)"
	 */
	public static String describe(int errno) {
		String text;
		try {
			text = strerror(errno);
		}
		catch (RuntimeException | LinkageError ex) {
			text = null;
		}
		if (text == null || text.isEmpty()) {
			return "errno " + errno;
		}
		// Lower case, as the rest of a message that it ends: "cannot open x: no such
		// file or directory".
		return Character.toLowerCase(text.charAt(0)) + text.substring(1) + " (errno " + errno + ")";
	}

	/**
	 * Looks up a function that not every C library has.
	 * @param name the function's name
	 * @return the function, whose failures throw {@link LastErrorException} as those of
	 * the bound functions do, or {@code null} if this C library lacks it
	 */
	public static @Nullable Function optionalFunction(String name) {
		try {
			return library().getFunction(name, Function.THROW_LAST_ERROR);
		}
		catch (UnsatisfiedLinkError ex) {
			return null;
		}
	}

	/**
	 * Returns the C library, as JNA holds it open.
	 * @return the library
	 */
	public static NativeLibrary library() {
		return NativeLibrary.getInstance(JnaLoading.cLibrary());
	}

	/**
	 * Opens a file ({@code open(2)}, variadic).
	 * @param path the path
	 * @param flags the flags
	 * @param mode the mode of a file that {@code O_CREAT} creates
	 * @return the descriptor
	 * @throws LastErrorException if it fails
	 */
	static int open(String path, int flags, int mode) throws LastErrorException {
		return Variadic.INSTANCE.open(path, flags, mode);
	}

	/**
	 * Calls {@code fcntl(2)} (variadic) with a pointer argument.
	 * @param fd the descriptor
	 * @param command the command
	 * @param argument its argument, such as a {@code struct flock}
	 * @return what {@code fcntl} returns
	 * @throws LastErrorException if it fails
	 */
	static int fcntl(int fd, int command, Pointer argument) throws LastErrorException {
		return Variadic.INSTANCE.fcntl(fd, command, argument);
	}

	/**
	 * Calls {@code fcntl(2)} (variadic) with an integer argument.
	 * @param fd the descriptor
	 * @param command the command, such as {@link UnixConstants#F_GETFD}
	 * @param argument its argument
	 * @return what {@code fcntl} returns
	 * @throws LastErrorException if it fails
	 */
	public static int fcntl(int fd, int command, int argument) throws LastErrorException {
		return Variadic.INSTANCE.fcntl(fd, command, argument);
	}

	/**
	 * Makes a system call by number ({@code syscall(2)}), for calls that older C
	 * libraries have no wrapper for; called on Linux on x86-64 and AArch64 only
	 * ({@link PidFd}). Bound by direct mapping although {@code syscall} is variadic: on
	 * those two ABIs integer arguments travel in the same registers whether variadic or
	 * not, where glibc's {@code syscall} takes them from. That spares a {@code stop} the
	 * interface mapping's proxy class. Every Unix C library has the symbol.
	 * @param number the system call's number
	 * @param a the first argument
	 * @param b the second argument
	 * @param c the third argument
	 * @param d the fourth argument
	 * @return what the call returns
	 * @throws LastErrorException if it fails
	 */
	static native long syscall(long number, long a, long b, long c, long d) throws LastErrorException;

	/**
	 * Closes a descriptor ({@code close(2)}).
	 * @param fd the descriptor
	 * @return {@code 0}
	 * @throws LastErrorException if it fails, when the descriptor is released all the
	 * same
	 */
	public static native int close(int fd) throws LastErrorException;

	static native int dup(int fd) throws LastErrorException;

	static native int dup2(int fd, int fd2) throws LastErrorException;

	/**
	 * Reads from a descriptor ({@code read(2)}).
	 * @param fd the descriptor
	 * @param buffer where to
	 * @param count the most bytes to read
	 * @return the bytes read, {@code 0} at the end
	 * @throws LastErrorException if it fails
	 */
	public static native long read(int fd, Pointer buffer, long count) throws LastErrorException;

	static native long write(int fd, byte[] buffer, long count) throws LastErrorException;

	/**
	 * Writes to a descriptor ({@code write(2)}).
	 * @param fd the descriptor
	 * @param buffer what to write
	 * @param count how many bytes
	 * @return the bytes written
	 * @throws LastErrorException if it fails
	 */
	public static native long write(int fd, Pointer buffer, long count) throws LastErrorException;

	static native long pread(int fd, byte[] buffer, long count, long offset) throws LastErrorException;

	static native long pwrite(int fd, byte[] buffer, long count, long offset) throws LastErrorException;

	static native int ftruncate(int fd, long length) throws LastErrorException;

	static native int fchmod(int fd, int mode) throws LastErrorException;

	static native int flock(int fd, int operation) throws LastErrorException;

	/**
	 * Creates a pipe ({@code pipe(2)}).
	 * @param fds receives the read end, then the write end
	 * @return {@code 0}
	 * @throws LastErrorException if it fails
	 */
	public static native int pipe(int[] fds) throws LastErrorException;

	/**
	 * Sends a signal ({@code kill(2)}).
	 * @param pid the process
	 * @param signum the signal
	 * @return {@code 0}
	 * @throws LastErrorException if it fails
	 */
	public static native int kill(int pid, int signum) throws LastErrorException;

	static native int poll(Pointer fds, long count, int timeoutMillis) throws LastErrorException;

	static native long signal(int signum, long handler) throws LastErrorException;

	static native @Nullable String strerror(int errno);

	/**
	 * The variadic C functions, bound by interface mapping, which passes the arguments
	 * after the fixed ones as variadic arguments.
	 */
	interface Variadic extends Library {

		Variadic INSTANCE = Native.load(JnaLoading.cLibrary(), Variadic.class);

		int open(String path, int flags, Object... mode) throws LastErrorException;

		int fcntl(int fd, int command, Object... argument) throws LastErrorException;

	}

	/**
	 * The user database and the process's credentials ({@code pwd.h}, {@code grp.h},
	 * {@code unistd.h}), for a daemon that switches users. Call {@link #require} first.
	 */
	static final class Users {

		private static final @Nullable LinkageError FAILURE = NativeBindings.register(Users.class);

		private Users() {
		}

		/**
		 * Refuses to go on when a function could not be bound.
		 * @param purpose what the caller was about to do, such as "switch users"
		 * @throws io.daemoniker.DaemonikerException if a function is missing
		 */
		static void require(String purpose) {
			NativeBindings.require(FAILURE, purpose);
		}

		static native int setgroups(long size, int[] groups) throws LastErrorException;

		static native int getgrouplist(String user, int group, int[] groups, int[] count);

		static native int setgid(int gid) throws LastErrorException;

		static native int setuid(int uid) throws LastErrorException;

		static native int geteuid();

		static native @Nullable Pointer getpwnam(String name);

		static native @Nullable Pointer getpwuid(int uid);

		static native @Nullable Pointer getgrnam(String name);

		static native @Nullable Pointer getgrgid(int gid);

	}

	/**
	 * Resource limits ({@code sys/resource.h}), with JNA's platform library's
	 * {@link Resource.Rlimit}. Call {@link #require} first.
	 */
	public static final class Limits {

		private static final @Nullable LinkageError FAILURE = NativeBindings.register(Limits.class);

		private Limits() {
		}

		/**
		 * Refuses to go on when a function could not be bound.
		 * @param purpose what the caller was about to do
		 * @throws io.daemoniker.DaemonikerException if a function is missing
		 */
		public static void require(String purpose) {
			NativeBindings.require(FAILURE, purpose);
		}

		/**
		 * Reads a resource limit ({@code getrlimit(2)}).
		 * @param resource such as {@link UnixConstants#RLIMIT_NOFILE}
		 * @param limit receives the soft and the hard limit
		 * @return {@code 0}
		 * @throws LastErrorException if it fails
		 */
		public static native int getrlimit(int resource, Resource.Rlimit limit) throws LastErrorException;

		static native int setrlimit(int resource, Resource.Rlimit limit) throws LastErrorException;

	}

	/**
	 * Datagram sockets ({@code sys/socket.h}), for systemd's notifications. Call
	 * {@link #require} first.
	 */
	static final class Sockets {

		private static final @Nullable LinkageError FAILURE = NativeBindings.register(Sockets.class);

		private Sockets() {
		}

		static void require(String purpose) {
			NativeBindings.require(FAILURE, purpose);
		}

		static native int socket(int domain, int type, int protocol) throws LastErrorException;

		static native long sendto(int fd, byte[] buffer, long length, int flags, byte[] address, int addressLength)
				throws LastErrorException;

	}

	/**
	 * The functions that only Linux has, so that binding them never fails elsewhere. Call
	 * {@link #require} first.
	 */
	static final class Linux {

		private static final @Nullable LinkageError FAILURE = NativeBindings.register(Linux.class);

		private Linux() {
		}

		static void require(String purpose) {
			NativeBindings.require(FAILURE, purpose);
		}

		/**
		 * {@code prctl}, declared variadic in C: on Linux every supported ABI passes
		 * variadic arguments like fixed ones, so five fixed arguments bind it correctly
		 * there.
		 */
		static native int prctl(int option, long arg2, long arg3, long arg4, long arg5) throws LastErrorException;

	}

	/**
	 * Spawning a process and waiting for it ({@code spawn.h}, {@code signal.h}'s signal
	 * sets, {@code sys/wait.h}), for the {@code posix_spawn} spawner. Call
	 * {@link #require} first. The functions that only some C libraries have are looked up
	 * with {@link LibC#optionalFunction}.
	 */
	public static final class Spawn {

		private static final @Nullable LinkageError FAILURE = NativeBindings.register(Spawn.class);

		private Spawn() {
		}

		/**
		 * Refuses to go on when a function could not be bound.
		 * @param purpose what the caller was about to do
		 * @throws io.daemoniker.DaemonikerException if a function is missing
		 */
		public static void require(String purpose) {
			NativeBindings.require(FAILURE, purpose);
		}

		/**
		 * Starts a process ({@code posix_spawn(3)}).
		 * @return {@code 0} or an error number
		 */
		public static native int posix_spawn(IntByReference pid, String path, Pointer fileActions, Pointer attributes,
				Pointer argv, Pointer envp);

		/**
		 * {@code posix_spawnattr_init(3)}.
		 * @return {@code 0} or an error number
		 */
		public static native int posix_spawnattr_init(Pointer attributes);

		/**
		 * {@code posix_spawnattr_destroy(3)}.
		 * @return {@code 0} or an error number
		 */
		public static native int posix_spawnattr_destroy(Pointer attributes);

		/**
		 * {@code posix_spawnattr_setflags(3)}.
		 * @return {@code 0} or an error number
		 */
		public static native int posix_spawnattr_setflags(Pointer attributes, short flags);

		/**
		 * {@code posix_spawnattr_setsigdefault(3)}.
		 * @return {@code 0} or an error number
		 */
		public static native int posix_spawnattr_setsigdefault(Pointer attributes, Pointer signals);

		/**
		 * {@code posix_spawnattr_setsigmask(3)}.
		 * @return {@code 0} or an error number
		 */
		public static native int posix_spawnattr_setsigmask(Pointer attributes, Pointer signals);

		/**
		 * {@code posix_spawn_file_actions_init(3)}.
		 * @return {@code 0} or an error number
		 */
		public static native int posix_spawn_file_actions_init(Pointer fileActions);

		/**
		 * {@code posix_spawn_file_actions_destroy(3)}.
		 * @return {@code 0} or an error number
		 */
		public static native int posix_spawn_file_actions_destroy(Pointer fileActions);

		/**
		 * {@code posix_spawn_file_actions_adddup2(3)}.
		 * @return {@code 0} or an error number
		 */
		public static native int posix_spawn_file_actions_adddup2(Pointer fileActions, int fd, int newFd);

		/**
		 * {@code posix_spawn_file_actions_addclose(3)}.
		 * @return {@code 0} or an error number
		 */
		public static native int posix_spawn_file_actions_addclose(Pointer fileActions, int fd);

		/**
		 * {@code sigemptyset(3)}.
		 * @return {@code 0}
		 * @throws LastErrorException if it fails
		 */
		public static native int sigemptyset(Pointer set) throws LastErrorException;

		/**
		 * {@code sigaddset(3)}.
		 * @return {@code 0}
		 * @throws LastErrorException if it fails
		 */
		public static native int sigaddset(Pointer set, int signum) throws LastErrorException;

		/**
		 * {@code waitid(2)}.
		 * @return {@code 0}
		 * @throws LastErrorException if it fails
		 */
		public static native int waitid(int idType, int id, Pointer info, int options) throws LastErrorException;

		/**
		 * {@code waitpid(2)}.
		 * @return the PID, or {@code 0} with {@code WNOHANG} while it runs
		 * @throws LastErrorException if it fails
		 */
		public static native int waitpid(int pid, IntByReference status, int options) throws LastErrorException;

	}

}
