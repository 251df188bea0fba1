/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.platform;

/**
 * Words for the error numbers that the calls here can meet, so that messages say more
 * than a number.
 */
final class Errno {

	private Errno() {
	}

	static String describe(int errno) {
		String text = switch (errno) {
			case 1 -> "operation not permitted";
			case 2 -> "no such file or directory";
			case 3 -> "no such process";
			case 6 -> "no such device or address";
			case 9 -> "bad file descriptor";
			case 13 -> "permission denied";
			case 17 -> "file exists";
			case 20 -> "not a directory";
			case 21 -> "is a directory";
			case 22 -> "invalid argument";
			case 24 -> "too many open files";
			case 28 -> "no space left on device";
			case 30 -> "read-only file system";
			case 32 -> "broken pipe";
			case 40, 62 -> "too many levels of symbolic links";
			default -> null;
		};
		return (text != null) ? text + " (errno " + errno + ")" : "errno " + errno;
	}

}
