/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

/**
 * Finds the locks on a file in Linux's {@code /proc/locks}, which lists every lock with
 * its kind, its mode, the process that took it and the file's device and inode, and the
 * locks that one of this process's descriptors holds, which
 * {@code /proc/self/fdinfo/<fd>} lists in the same format, after {@code lock:} (public
 * for the daemon's check of the lock it inherited, in {@code internal.pidfile}). Reading
 * it needs no native code, never opens the locked file, and is allowed to every user, so
 * that {@code status} run by another user still learns who holds a PID file.
 * <p>
 * That is why a daemon locks its PID file with {@code flock}: {@code /proc/locks} names
 * the process that took an {@code flock} lock, while an open file description lock (OFD,
 * {@code F_OFD_SETLK}) is listed with pid {@code -1}, and finding its holder would mean
 * reading every process's {@code /proc/<pid>/fdinfo}, which other users' processes do not
 * allow. Both kinds belong to the open file description and survive when the process
 * opens and closes the file elsewhere; POSIX {@code fcntl} locks do not. A POSIX write
 * lock still counts as a daemon's, as earlier versions took one.
 */
public final class ProcLocks {

	private static final Path PROC_LOCKS = Path.of("/proc/locks");

	private static final AtomicReference<@Nullable ReadAhead> AHEAD = new AtomicReference<>();

	private ProcLocks() {
	}

	/**
	 * Starts reading {@code /proc/locks} on a thread of its own, for the next
	 * {@link #otherThanFlockReadAheadOf(FileStat, long)}: the kernel makes the first
	 * reader of a process wait for a grace period of its read-copy-update machinery
	 * (about 10 ms here), which this thread then waits out while the caller goes on. Only
	 * for a caller that holds its lock already, as a daemon whose shell took it before
	 * the JVM started: the read must see the locks as they were while the lock was held.
	 */
	static void readAhead() {
		ReadAhead read = new ReadAhead();
		if (AHEAD.compareAndSet(null, read)) {
			read.work.start();
		}
	}

	static LockHolder holderOf(Path file) throws IOException {
		return holderOf(FileStat.of(file, LinkOption.NOFOLLOW_LINKS));
	}

	static LockHolder holderOf(FileStat stat) throws IOException {
		return holderOf(Files.readAllLines(PROC_LOCKS, StandardCharsets.US_ASCII), stat.device(), stat.inode());
	}

	/**
	 * Decides who holds a file, asking the process that the PID file names first: when
	 * that process's own descriptors hold the daemon's lock (see
	 * {@link DescriptorLocks}), it is the holder, as {@code /proc/locks} would say,
	 * without the wait that reading {@code /proc/locks} costs. Otherwise
	 * {@code /proc/locks} answers.
	 * @param file the path the file was checked at
	 * @param stat the file
	 * @param named the PID that the file's content names, {@code -1} for none
	 * @return who holds it
	 * @throws IOException if {@code /proc/locks} cannot be read
	 */
	static LockHolder holderOf(Path file, FileStat stat, long named) throws IOException {
		Path name = file.getFileName();
		if (named > 0 && name != null && DescriptorLocks.holdsDaemonLock(named, stat, name.toString())) {
			return LockHolder.process(named);
		}
		return holderOf(stat);
	}

	/**
	 * Describes the locks on a file other than the exclusive {@code flock} lock of one
	 * process.
	 * @param stat the file
	 * @param holder the process that holds the {@code flock} lock
	 * @return the others, or empty
	 * @throws IOException if {@code /proc/locks} cannot be read
	 */
	static Optional<String> otherThanFlockOf(FileStat stat, long holder) throws IOException {
		return otherThanFlockOf(Files.readAllLines(PROC_LOCKS, StandardCharsets.US_ASCII), stat.device(), stat.inode(),
				holder);
	}

	/**
	 * Describes the locks on a file other than the exclusive {@code flock} lock of one
	 * process, from the {@link #readAhead()} when one was started, which is only for a
	 * lock that was held before it started.
	 * @param stat the file
	 * @param holder the process that holds the {@code flock} lock
	 * @return the others, or empty
	 * @throws IOException if {@code /proc/locks} cannot be read
	 */
	static Optional<String> otherThanFlockReadAheadOf(FileStat stat, long holder) throws IOException {
		ReadAhead read = AHEAD.getAndSet(null);
		if (read == null) {
			return otherThanFlockOf(stat, holder);
		}
		return otherThanFlockOf(read.lines(), stat.device(), stat.inode(), holder);
	}

	static Optional<String> otherThanFlockOf(List<String> lines, long device, long inode, long holder) {
		List<String> others = new ArrayList<>();
		for (Lock lock : locksOn(lines, device, inode)) {
			if (!(lock.pid() == holder && "FLOCK".equals(lock.kind()) && "WRITE".equals(lock.mode()))) {
				others.add(lock.describe());
			}
		}
		return others.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", others));
	}

	/**
	 * Decides who holds a file from {@code /proc/locks} lines such as
	 * {@code 1: FLOCK  ADVISORY  WRITE 4242 fd:01:131090 0 EOF}: the process of an
	 * exclusive {@code flock} or POSIX lock, or else a description of the other locks.
	 */
	static LockHolder holderOf(List<String> lines, long device, long inode) {
		List<Lock> locks = locksOn(lines, device, inode);
		if (locks.isEmpty()) {
			return LockHolder.none();
		}
		for (Lock lock : locks) {
			if (lock.isDaemonLike()) {
				return LockHolder.process(lock.pid());
			}
		}
		List<String> described = new ArrayList<>();
		locks.forEach((lock) -> described.add(lock.describe()));
		return LockHolder.foreign(String.join(", ", described));
	}

	/**
	 * Tells whether a descriptor of this process holds an exclusive {@code flock} lock
	 * that this process took, from its lines in {@code /proc/self/fdinfo} such as
	 * {@code lock:	1: FLOCK  ADVISORY  WRITE 4242 fe:00:2164245 0 EOF}.
	 * @param fd the descriptor
	 * @return {@code true} if it holds one; {@code false} also when it is not open
	 * @throws IOException if its entry cannot be read
	 */
	public static boolean holdsOwnFlock(int fd) throws IOException {
		String info;
		try {
			info = Files.readString(Path.of("/proc/self/fdinfo/" + fd), StandardCharsets.US_ASCII);
		}
		catch (NoSuchFileException ex) {
			return false;
		}
		long pid = CurrentProcess.pid();
		for (String line : DescriptorLocks.lockLines(info)) {
			Lock lock = lockOf(fields(line), null);
			if (lock != null && lock.pid() == pid && "FLOCK".equals(lock.kind()) && "WRITE".equals(lock.mode())) {
				return true;
			}
		}
		return false;
	}

	static List<Lock> locksOn(List<String> lines, long device, long inode) {
		// Built by hand: String.format would load java.util.Formatter and the locale's
		// number formats, a good part of what status costs beyond a JVM start.
		String wanted = twoHexDigits(major(device)) + ":" + twoHexDigits(minor(device)) + ":" + inode;
		List<Lock> locks = new ArrayList<>();
		for (String line : lines) {
			Lock lock = lockOf(fields(line), wanted);
			if (lock != null) {
				locks.add(lock);
			}
		}
		return locks;
	}

	/**
	 * Reads the fields of one lock line, such as
	 * {@code 1: FLOCK  ADVISORY  WRITE 4242 fd:01:131090 0 EOF}.
	 * @param fields the line's fields
	 * @param file the file's {@code major:minor:inode} that the lock must be on, or
	 * {@code null} for any
	 * @return the lock, or {@code null} for a line that holds no lock on the file
	 */
	private static @Nullable Lock lockOf(String[] fields, @Nullable String file) {
		// Blocked waiters are listed as "1: -> POSIX ..." and do not hold the lock.
		if (fields.length < 8 || "->".equals(fields[1]) || (file != null && !fields[5].equalsIgnoreCase(file))) {
			return null;
		}
		try {
			return new Lock(fields[1], fields[3], Long.parseLong(fields[4]));
		}
		catch (NumberFormatException ex) {
			// A line of a format this parser does not know: not a lock it can judge.
			return null;
		}
	}

	/**
	 * Splits a line at runs of spaces and tabs, without a regular expression: the first
	 * pattern of a JVM costs it the start of the regular expression engine.
	 */
	static String[] fields(String line) {
		List<String> fields = new ArrayList<>();
		int start = -1;
		for (int i = 0; i <= line.length(); i++) {
			boolean blank = i == line.length() || line.charAt(i) == ' ' || line.charAt(i) == '\t';
			if (blank && start >= 0) {
				fields.add(line.substring(start, i));
				start = -1;
			}
			else if (!blank && start < 0) {
				start = i;
			}
		}
		return fields.toArray(new String[0]);
	}

	private static String twoHexDigits(long value) {
		String hex = Long.toHexString(value);
		return (hex.length() < 2) ? "0" + hex : hex;
	}

	static long major(long device) {
		return ((device >>> 8) & 0xfff) | ((device >>> 32) & ~0xfffL);
	}

	static long minor(long device) {
		return (device & 0xff) | ((device >>> 12) & ~0xffL);
	}

	/**
	 * One line of {@code /proc/locks}.
	 *
	 * @param kind {@code FLOCK}, {@code POSIX}, {@code OFDLCK}, {@code LEASE}...
	 * @param mode {@code WRITE} or {@code READ}
	 * @param pid the process that took it, {@code -1} for OFD locks
	 */
	record Lock(String kind, String mode, long pid) {

		boolean isDaemonLike() {
			return this.pid > 0 && "WRITE".equals(this.mode)
					&& ("FLOCK".equals(this.kind) || "POSIX".equals(this.kind));
		}

		String describe() {
			String what = ("WRITE".equals(this.mode) ? "an exclusive " : "a shared ") + switch (this.kind) {
				case "FLOCK" -> "flock lock";
				case "POSIX" -> "POSIX lock";
				case "OFDLCK" -> "open file description (OFD) lock";
				default -> this.kind + " lock";
			};
			return (this.pid > 0) ? "pid " + this.pid + " holds " + what
					: what + " is held by a process that Linux does not name";
		}

	}

	/**
	 * One read of {@code /proc/locks} on a thread of its own, kept for the thread that
	 * needs it.
	 */
	private static final class ReadAhead implements Runnable {

		private final BackgroundWork work = new BackgroundWork(this, "daemoniker-proc-locks");

		private volatile @Nullable List<String> lines;

		private volatile @Nullable IOException failure;

		@Override
		public void run() {
			try {
				this.lines = Files.readAllLines(PROC_LOCKS, StandardCharsets.US_ASCII);
			}
			catch (IOException ex) {
				this.failure = ex;
			}
		}

		/**
		 * Waits for the read and returns its lines, keeping an interrupt for the caller
		 * to see.
		 */
		List<String> lines() throws IOException {
			this.work.awaitEnd();
			IOException failed = this.failure;
			if (failed != null) {
				throw failed;
			}
			List<String> read = this.lines;
			if (read == null) {
				// The thread died of an error of its own: read here, and meet it here.
				return Files.readAllLines(PROC_LOCKS, StandardCharsets.US_ASCII);
			}
			return read;
		}

	}

}
