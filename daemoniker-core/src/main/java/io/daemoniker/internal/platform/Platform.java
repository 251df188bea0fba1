/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.platform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;

/**
 * The operating-system calls that Java cannot make by itself, one implementation per OS.
 * Obtaining the platform loads no native code; each method loads what it needs on first
 * use, so a launcher that never calls them never pays for JNA.
 */
public interface Platform {

	/**
	 * What {@link #lockHolder(Path)} returns for a file that is locked by a process it
	 * cannot name. Windows cannot tell who holds a lock, only that one is held; there the
	 * PID file's content names the daemon, or the sentinel process that receives its
	 * signals, and the caller checks that process in other ways.
	 */
	long UNNAMED_HOLDER = 0;

	/**
	 * Returns the platform of the running operating system.
	 * @return the platform
	 */
	static Platform current() {
		return Holder.CURRENT;
	}

	/**
	 * Returns the stream a starting daemon reads its launch request from: standard input
	 * on Unix, a pipe of its own on Windows.
	 * @return the stream, read to its end once
	 * @throws IOException if the launcher left no way to read it
	 */
	default InputStream launchRequest() throws IOException {
		return System.in;
	}

	/**
	 * Tells the launcher of a starting daemon one line before {@link #redirectStdio} gave
	 * the channel to it: on standard output on Unix, which is still the launcher's pipe
	 * then, on a pipe of its own on Windows. Does nothing when the launcher cannot be
	 * reached.
	 * @param line the line, without its line break
	 */
	default void tellLauncher(String line) {
		System.out.println(line);
		System.out.flush();
	}

	/**
	 * Points standard input, output and error of this process at the given files (output
	 * appended, files created when missing) and keeps what standard output was before as
	 * a private channel back to the launcher.
	 * @param stdin file to read standard input from
	 * @param stdout file to append standard output to
	 * @param stderr file to append standard error to
	 * @return the channel to the launcher, which the caller must close
	 * @throws IOException if a file cannot be opened
	 */
	StatusChannel redirectStdio(Path stdin, Path stdout, Path stderr) throws IOException;

	/**
	 * Gives back their default disposition to the signals that this process inherited as
	 * ignored (a launcher started under {@code nohup}, say), so that the JVM lets
	 * handlers be installed for them. Signals that are not ignored are left untouched.
	 * @param signums signal numbers to check
	 */
	void restoreIgnoredSignals(int... signums);

	/**
	 * Sends a signal to a process.
	 * @param pid the process
	 * @param signum the signal number
	 * @throws IOException if the signal cannot be sent
	 */
	void kill(long pid, int signum) throws IOException;

	/**
	 * Sends a signal to a process if a check still holds once the process is pinned, so
	 * that the signal cannot reach another process that was given the same PID after the
	 * check. Where processes cannot be pinned, the check runs just before the signal is
	 * sent.
	 * @param pid the process
	 * @param signum the signal number
	 * @param stillTheProcess the check, such as "this PID still holds the PID file's
	 * lock"
	 * @return {@code true} if the signal was sent, {@code false} if the check failed
	 * @throws IOException if the signal cannot be sent, or the process has exited
	 */
	default boolean killIf(long pid, int signum, BooleanSupplier stillTheProcess) throws IOException {
		if (!stillTheProcess.getAsBoolean()) {
			return false;
		}
		kill(pid, signum);
		return true;
	}

	/**
	 * Returns the process that holds an exclusive lock on a file.
	 * @param file the file
	 * @return its PID, {@link #UNNAMED_HOLDER} when a process holds one but this platform
	 * cannot tell which, or empty when no process holds one or it cannot be told
	 * @throws IOException if the file cannot be inspected
	 */
	OptionalLong lockHolder(Path file) throws IOException;

	/**
	 * Tells who holds locks on a file: the process that holds it as a daemon holds its
	 * PID file, or that a process this platform cannot name does, or which other locks
	 * are held, or that none is.
	 * @param file the file
	 * @return who holds it
	 * @throws IOException if the file cannot be inspected
	 */
	default LockHolder lockHolderOf(Path file) throws IOException {
		OptionalLong holder = lockHolder(file);
		if (holder.isEmpty()) {
			return LockHolder.none();
		}
		return (holder.getAsLong() == UNNAMED_HOLDER) ? LockHolder.unnamed() : LockHolder.process(holder.getAsLong());
	}

	/**
	 * Tells who holds locks on the file that {@code lstat} found at a path, as
	 * {@link #lockHolderOf(Path)} does; where locks are looked up by device and inode
	 * (Linux), the file asked about is the one that was checked, not whatever the path
	 * names by now.
	 * @param file the path
	 * @param checked what {@code lstat} said about it
	 * @return who holds it
	 * @throws IOException if the file cannot be inspected
	 */
	default LockHolder lockHolderOf(Path file, FileStat checked) throws IOException {
		return lockHolderOf(file);
	}

	/**
	 * Tells who holds locks on the file that {@code lstat} found at a path, as
	 * {@link #lockHolderOf(Path, FileStat)} does, given the PID that the file's content
	 * names: where the platform can ask that process alone whether it holds the file
	 * (Linux), that is cheaper than listing every lock of the system, and gives the same
	 * answer when it does.
	 * @param file the path
	 * @param checked what {@code lstat} said about it
	 * @param named the PID the file names, {@code -1} for none
	 * @return who holds it
	 * @throws IOException if the file cannot be inspected
	 */
	default LockHolder lockHolderOf(Path file, FileStat checked, long named) throws IOException {
		return lockHolderOf(file, checked);
	}

	/**
	 * Describes the locks on a file other than the exclusive {@code flock} lock that a
	 * process holds on it, where the platform can list them: a daemon that has just taken
	 * its PID file must not share it with a program that took another kind of lock.
	 * @param file the file, as {@code fstat} described it on the locked descriptor
	 * @param holder the process that holds the {@code flock} lock
	 * @return what other locks are held, or empty when none are or they cannot be listed
	 * @throws IOException if the locks cannot be listed
	 */
	default Optional<String> otherLocks(FileStat file, long holder) throws IOException {
		return Optional.empty();
	}

	/**
	 * Starts listing the locks for the next
	 * {@link #otherLocksListedAhead(FileStat, long)} ahead of time, where listing them
	 * makes the caller wait. Only for a process that holds its lock already: the list
	 * must be of the locks while it is held.
	 */
	default void listLocksAhead() {
	}

	/**
	 * Describes the other locks on a file as {@link #otherLocks(FileStat, long)} does,
	 * from the list that {@link #listLocksAhead()} started, if one was. Only for a lock
	 * that was held before that list was started.
	 * @param file the file, as {@code fstat} described it on the locked descriptor
	 * @param holder the process that holds the {@code flock} lock
	 * @return what other locks are held, or empty when none are or they cannot be listed
	 * @throws IOException if the locks cannot be listed
	 */
	default Optional<String> otherLocksListedAhead(FileStat file, long holder) throws IOException {
		return otherLocks(file, holder);
	}

	/**
	 * Returns where the signals of a daemon come from.
	 * @param pidFile the daemon's PID file, through which signals reach it on Windows
	 * @return a new source, which the caller closes
	 * @throws io.daemoniker.SignalError if signals cannot reach this process, such as on
	 * Windows when it does not hold the PID file
	 */
	default SignalSource signalSource(Path pidFile) {
		return new UnixSignalSource();
	}

	/**
	 * Returns whether a daemon's PID file names, once the daemon handles signals, the
	 * sentinel process that carries its signals rather than the daemon itself, as on
	 * Windows: the PID then changes with every signal, and the daemon's end shows only in
	 * the release of the PID file's lock.
	 * @return {@code true} where signals travel through sentinels
	 */
	default boolean pidFileNamesSentinel() {
		return false;
	}

	/**
	 * Returns the file that discards what is written to it and reads as empty.
	 * @return {@code /dev/null} on Unix, {@code NUL} on Windows
	 */
	default Path nullDevice() {
		return Path.of("/dev/null");
	}

	/**
	 * Names the file a process's standard output goes to, where this platform can tell
	 * ({@code /proc} on Linux).
	 * @param pid the process
	 * @return the file, or empty when it cannot be told, or the process is another user's
	 */
	default Optional<String> standardOutputOf(long pid) {
		try {
			return Optional.of(Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "fd", "1")).toString());
		}
		catch (IOException | SecurityException | UnsupportedOperationException ex) {
			// No /proc here, or another user's daemon, whose descriptors are not ours to
			// read.
			return Optional.empty();
		}
	}

	/**
	 * A write-only channel to the launcher, kept after standard output was redirected.
	 */
	interface StatusChannel extends AutoCloseable {

		/**
		 * Writes one line to the launcher.
		 * @param line the line, without its line break
		 * @throws IOException if the launcher cannot be reached
		 */
		void writeLine(String line) throws IOException;

		/**
		 * Closes the channel, which tells the launcher that nothing more will come.
		 */
		@Override
		void close();

	}

	/**
	 * Holds the platform instance, created on first use.
	 */
	final class Holder {

		static final Platform CURRENT = OperatingSystem.current().isUnix() ? new UnixPlatform()
				: WindowsPlatformLoader.load();

		private Holder() {
		}

	}

}
