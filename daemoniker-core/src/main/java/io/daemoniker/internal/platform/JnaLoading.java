/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.platform;

import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import org.jspecify.annotations.Nullable;

/**
 * Spares a JVM the parts of loading JNA that need not happen on every start, by the
 * system properties that JNA documents, set before JNA's {@code Native} class is first
 * used. Every class that binds C functions calls {@link #prepare()} first.
 * <ul>
 * <li>JNA extracts its native library from its jar to a new temporary file on every
 * start: {@code jna.boot.library.path} names a verified copy kept by
 * {@link DispatchLibraryCache} instead (Linux only).</li>
 * <li>JNA's {@code NativeLibrary} runs {@code /sbin/ldconfig -p} as a child process on
 * Linux to learn where libraries live, unless {@code jna.platform.library.path} is set.
 * Setting it changes where JNA looks for every library of the JVM, so only a JVM that is
 * Daemoniker's own, the {@code daemoniker} command, sets it ({@link #ownJvm()}); a
 * daemon's JVM is the application's.</li>
 * <li>The C library is opened by its exact name, {@code libc.so.6}, which the process has
 * loaded already, rather than searched for as {@code c}; where there is no
 * {@code libc.so.6} (musl), by JNA's name for it.</li>
 * </ul>
 * Neither property is set when the user has set any of JNA's own properties for its
 * native library, when JNA is loaded already, or when
 * {@code -Ddaemoniker.jna.cache=false} is given: JNA then loads its library as it always
 * does, and so it does when anything here fails.
 */
public final class JnaLoading {

	/** The property that turns the cached copy of JNA's library off. */
	static final String CACHE_PROPERTY = "daemoniker.jna.cache";

	private static final String[] JNA_LOAD_PROPERTIES = { "jna.boot.library.path", "jna.boot.library.name",
			"jna.nounpack", "jna.noclasspath", "jna.tmpdir", "jna.nosys", "jnidispatch.path" };

	private static final String GLIBC = "libc.so.6";

	private static boolean prepared;

	private static volatile boolean ownJvm;

	private static volatile String cLibrary;

	private static volatile @Nullable BackgroundLoad background;

	private JnaLoading() {
	}

	/**
	 * Prepares JNA's load, once per JVM; does nothing after the first call. Costs a read
	 * of JNA's library from its jar, so only classes that are about to bind C functions
	 * call it.
	 */
	public static synchronized void prepare() {
		if (prepared) {
			return;
		}
		prepared = true;
		if (OperatingSystem.current() != OperatingSystem.LINUX || "false".equals(System.getProperty(CACHE_PROPERTY))
				|| "true".equals(System.getProperty("jna.loaded"))) {
			return;
		}
		for (String property : JNA_LOAD_PROPERTIES) {
			if (System.getProperty(property) != null) {
				return;
			}
		}
		// No lambdas here: in the daemoniker command's JVM this runs before any other
		// lambda, and the first one starts the JVM's lambda machinery.
		if (ownJvm && System.getProperty("jna.platform.library.path") == null) {
			Optional<String> directories = standardLibraryDirectories();
			if (directories.isPresent()) {
				System.setProperty("jna.platform.library.path", directories.get());
			}
		}
		ClassLoader loader = NativeLibrary.class.getClassLoader();
		String resource = "com/sun/jna/" + com.sun.jna.Platform.RESOURCE_PREFIX + "/libjnidispatch.so";
		Optional<Path> directory = DispatchLibraryCache.directoryFor(resource, jnaVersion(loader), loader,
				System.getenv());
		if (directory.isPresent()) {
			System.setProperty("jna.boot.library.path", directory.get().toString());
		}
	}

	/**
	 * Tells that this JVM runs Daemoniker's own code only, where JNA's library search may
	 * be narrowed to the system's standard directories, which spares the
	 * {@code ldconfig -p} child process. Call it from {@code main}; it costs nothing
	 * until something binds C functions.
	 */
	public static void ownJvm() {
		ownJvm = true;
	}

	/**
	 * The directories JNA itself would search before it asks {@code ldconfig} for more:
	 * the multiarch ones, then the generic ones, those that exist.
	 */
	private static Optional<String> standardLibraryDirectories() {
		String arch = System.getProperty("os.arch", "");
		String multiarch = switch (arch) {
			case "amd64", "x86_64" -> "x86_64-linux-gnu";
			case "aarch64" -> "aarch64-linux-gnu";
			default -> null;
		};
		if (multiarch == null) {
			return Optional.empty();
		}
		String bits = arch.contains("64") ? "64" : "";
		List<String> existing = new ArrayList<>();
		for (String directory : new String[] { "/usr/lib/" + multiarch, "/lib/" + multiarch, "/usr/lib" + bits,
				"/lib" + bits, "/usr/lib", "/lib" }) {
			if (!existing.contains(directory) && Files.isDirectory(Path.of(directory))) {
				existing.add(directory);
			}
		}
		return existing.isEmpty() ? Optional.empty() : Optional.of(String.join(":", existing));
	}

	/**
	 * Starts loading JNA and opening the C library on a thread of its own, for a caller
	 * that reads files first and binds C functions after, as {@code stop} does: the two
	 * then take their time side by side. Loading JNA is mostly this JVM's own work
	 * (classes, {@code java.util.logging}, JNA's native library), so it does not depend
	 * on what the caller reads. The first {@link #cLibrary()} of any other thread waits
	 * for it, and throws what the load threw, so a failure reads as it would have without
	 * the thread. Does nothing on Windows, where no C library is bound, and after the
	 * first call.
	 */
	public static synchronized void startLoading() {
		if (background != null || OperatingSystem.current() == OperatingSystem.WINDOWS) {
			return;
		}
		BackgroundLoad load = new BackgroundLoad();
		background = load;
		load.work.start();
	}

	/**
	 * Returns the name to open the C library by.
	 * @return {@code libc.so.6} where that opens, else JNA's name for the C library
	 */
	public static String cLibrary() {
		String name = cLibrary;
		if (name != null) {
			return name;
		}
		BackgroundLoad load = background;
		if (load != null && !load.work.isCurrentThread()) {
			load.work.awaitEnd();
			if (load.failure instanceof RuntimeException failure) {
				throw failure;
			}
			if (load.failure instanceof Error failure) {
				throw failure;
			}
		}
		return openCLibrary();
	}

	private static String openCLibrary() {
		String name = cLibrary;
		if (name == null) {
			prepare();
			// JNA's own native library first: its failure must be thrown as it is, not
			// taken below for a C library of another name.
			requireJna();
			name = com.sun.jna.Platform.C_LIBRARY_NAME;
			if (OperatingSystem.current() == OperatingSystem.LINUX) {
				try {
					NativeLibrary.getInstance(GLIBC);
					name = GLIBC;
				}
				catch (UnsatisfiedLinkError ex) {
					// Not glibc: JNA finds the C library by its own search.
				}
			}
			cLibrary = name;
		}
		return name;
	}

	/**
	 * Loads JNA's native library, which JNA's {@code Native} class does once, when it is
	 * first initialized.
	 * @throws UnsatisfiedLinkError if JNA's native library cannot be loaded; only the
	 * first use throws that, later ones a {@link NoClassDefFoundError}
	 */
	private static void requireJna() {
		try {
			Class.forName(Native.class.getName(), true, Native.class.getClassLoader());
		}
		catch (ClassNotFoundException ex) {
			throw new NoClassDefFoundError(ex.getMessage());
		}
	}

	/**
	 * The load that {@link #startLoading()} runs: what it threw is kept for the thread
	 * that needs the C library next.
	 */
	private static final class BackgroundLoad implements Runnable {

		private final BackgroundWork work = new BackgroundWork(this, "daemoniker-jna-load");

		private volatile @Nullable Throwable failure;

		@Override
		public void run() {
			try {
				openCLibrary();
			}
			catch (RuntimeException | Error ex) {
				this.failure = ex;
				return;
			}
			// The first binding of a class sets up JNA's type conversions, which read
			// annotations through generated proxies; binding one function here does that
			// in this thread. What it returns is of no use: the classes that need C
			// functions bind their own.
			try {
				NativeBindings.register(Warmup.class);
			}
			catch (RuntimeException ex) {
				// Only a warm-up: the classes that need C functions bind their own, and
				// meet whatever this was.
			}
		}

	}

	/** One C function to bind on the loading thread, for what a first binding costs. */
	private static final class Warmup {

		private Warmup() {
		}

		static native int getpid();

	}

	/**
	 * Reads JNA's version from its {@code Version} interface without initializing any
	 * class that loads native code.
	 */
	private static String jnaVersion(ClassLoader loader) {
		try {
			Field version = Class.forName("com.sun.jna.Version", false, loader).getDeclaredField("VERSION");
			version.setAccessible(true);
			return (String) version.get(null);
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			return "unknown";
		}
	}

}
