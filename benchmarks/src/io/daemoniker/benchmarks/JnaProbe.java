/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.benchmarks;

import com.sun.jna.Native;

/**
 * A JVM that loads JNA and does nothing else, to tell what JNA costs on its own:
 * {@code native} only loads JNA's native dispatch library ({@code Native}'s class
 * initializer); {@code call} also binds the C library by direct mapping, as the core's
 * {@code LibC} does, and calls {@code getpid()} once. It prints how long each step took
 * inside the JVM, in microseconds.
 */
public final class JnaProbe {

	private JnaProbe() {
	}

	public static void main(String[] args) {
		long start = System.nanoTime();
		int pointerSize = Native.POINTER_SIZE;
		long loaded = System.nanoTime();
		if (args.length > 0 && args[0].equals("call")) {
			int pid = CLibrary.getpid();
			long called = System.nanoTime();
			if (pid != ProcessHandle.current().pid()) {
				throw new IllegalStateException("getpid() returned " + pid);
			}
			System.out.println("native_us=" + (loaded - start) / 1000 + " register_and_call_us=" + (called - loaded) / 1000);
		}
		else {
			System.out.println("native_us=" + (loaded - start) / 1000 + " pointer=" + pointerSize);
		}
	}

	/**
	 * The C library, bound like the core binds it.
	 */
	static final class CLibrary {

		static {
			Native.register(CLibrary.class, com.sun.jna.Platform.C_LIBRARY_NAME);
		}

		private CLibrary() {
		}

		static native int getpid();

	}

}
