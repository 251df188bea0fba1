/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.sentinel;

import java.io.IOException;
import java.io.InputStream;

/**
 * The smallest Java sentinel: says that it runs by writing one byte on its standard
 * output, reads its standard input until it ends, then exits with status 0. Loads nothing
 * beyond what the JVM loads to start, and no Daemoniker class but this one, so it can run
 * from a copy of this single class file.
 */
public final class SentinelMain {

	/** The byte that tells the daemon that the sentinel runs. */
	public static final int READY = '.';

	private SentinelMain() {
	}

	/**
	 * Waits for the end of standard input.
	 * @param args ignored
	 */
	public static void main(String[] args) {
		byte[] buffer = new byte[64];
		try {
			System.out.write(READY);
			System.out.flush();
			InputStream in = System.in;
			while (in.read(buffer) >= 0) {
				// Nothing is ever written: the daemon only closes the pipe.
			}
		}
		catch (IOException ex) {
			// A broken pipe means the daemon is gone: end all the same.
		}
		System.exit(0);
	}

}
