/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.benchmarks;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;

/**
 * A JVM that loads JNA and does nothing else, to tell what JNA costs on its own:
 * {@code native} only loads JNA's native dispatch library ({@code Native}'s class
 * initializer); {@code call} also binds the C library by direct mapping, as the core's
 * {@code LibC} does, and calls {@code getpid()} once. It prints how long each step took
 * inside the JVM, in microseconds. {@code spawn} loads no JNA and starts
 * {@code /bin/true} once, as JNA starts {@code ldconfig}.
 */
public final class JnaProbe {

	private JnaProbe() {
	}

	/**
	 * Runs the probe.
	 * @param args {@code native}, {@code call} or {@code spawn}
	 */
	public static void main(String[] args) {
		long start = System.nanoTime();
		if (args.length > 0 && args[0].equals("spawn")) {
			// What starting one short process costs a fresh JVM (what JNA's ldconfig run
			// costs, less JNA).
			try {
				new ProcessBuilder("/bin/true").start().waitFor();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
			System.out.println("split jvm_first_processbuilder_true_us=" + (System.nanoTime() - start) / 1000);
			return;
		}
		int pointerSize = Native.POINTER_SIZE;
		long loaded = System.nanoTime();
		if (args.length > 0 && args[0].equals("call")) {
			// NativeLibrary's class initializer runs "/sbin/ldconfig -p" on Linux to
			// learn the library path: time it apart from the binding itself.
			NativeLibrary.getProcess();
			long libraryClass = System.nanoTime();
			CLibrary.bind();
			long bound = System.nanoTime();
			int pid = CLibrary.getpid();
			long called = System.nanoTime();
			if (pid != ProcessHandle.current().pid()) {
				throw new IllegalStateException("getpid() returned " + pid);
			}
			System.out.println("split jna_native_class_us=" + (loaded - start) / 1000
					+ " jna_nativelibrary_class_incl_ldconfig_us=" + (libraryClass - loaded) / 1000
					+ " jna_register_libc_us=" + (bound - libraryClass) / 1000 + " jna_first_getpid_us="
					+ (called - bound) / 1000);
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

		static void bind() {
			// Calling this runs the class initializer.
		}

		private CLibrary() {
		}

		static native int getpid();

	}

}
