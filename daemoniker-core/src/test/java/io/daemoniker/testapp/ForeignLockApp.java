/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.testapp;

import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;

/**
 * Another program that locks a file without touching its content, by one of the kinds of
 * lock Linux has, so that tests can put every kind of foreign lock on a PID file. Usage:
 * {@code ForeignLockApp <file> <kind>}, kind one of {@code posix-read},
 * {@code posix-write}, {@code ofd-read}, {@code ofd-write}, {@code flock-shared},
 * {@code flock-exclusive}. Prints {@code locked} once it holds the lock, then sleeps.
 */
public final class ForeignLockApp {

	private static final int O_RDONLY = 0;

	private static final int O_RDWR = 2;

	private static final int F_OFD_SETLK = 37;

	private static final short F_RDLCK = 0;

	private static final short F_WRLCK = 1;

	private static final int LOCK_SH = 1;

	private static final int LOCK_EX = 2;

	private static final int LOCK_NB = 4;

	private ForeignLockApp() {
	}

	public static void main(String[] args) throws Exception {
		Path file = Path.of(args[0]);
		String kind = args[1];
		FileChannel channel = null;
		switch (kind) {
			case "posix-read" -> {
				channel = FileChannel.open(file, StandardOpenOption.READ);
				channel.lock(0, Long.MAX_VALUE, true);
			}
			case "posix-write" -> {
				channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
				channel.lock();
			}
			case "ofd-read", "ofd-write" -> ofd(file, kind.equals("ofd-write"));
			case "flock-shared" -> C.INSTANCE.flock(C.INSTANCE.open(file.toString(), O_RDONLY), LOCK_SH | LOCK_NB);
			case "flock-exclusive" -> C.INSTANCE.flock(C.INSTANCE.open(file.toString(), O_RDWR), LOCK_EX | LOCK_NB);
			default -> throw new IllegalArgumentException("unknown lock kind " + kind);
		}
		System.out.println("locked " + kind + " pid=" + ProcessHandle.current().pid() + " " + channel);
		System.out.flush();
		Thread.sleep(Long.MAX_VALUE);
	}

	/**
	 * Takes an OFD lock on the whole file: struct flock on Linux is short l_type, short
	 * l_whence, off_t l_start, off_t l_len, pid_t l_pid (0 for OFD locks).
	 */
	private static void ofd(Path file, boolean write) {
		int fd = C.INSTANCE.open(file.toString(), write ? O_RDWR : O_RDONLY);
		Memory flock = new Memory(32);
		flock.clear();
		flock.setShort(0, write ? F_WRLCK : F_RDLCK);
		C.INSTANCE.fcntl(fd, F_OFD_SETLK, flock);
	}

	interface C extends Library {

		C INSTANCE = Native.load("c", C.class);

		int open(String path, int flags, Object... mode) throws LastErrorException;

		int fcntl(int fd, int command, Object... argument) throws LastErrorException;

		int flock(int fd, int operation) throws LastErrorException;

	}

}
