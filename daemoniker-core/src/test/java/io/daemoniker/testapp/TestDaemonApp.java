/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.testapp;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.daemoniker.Daemoniker;
import io.daemoniker.DaemonizeOptions;
import io.daemoniker.DaemonizeResult;
import io.daemoniker.Daemonizer;
import io.daemoniker.ReceivedSignal;
import io.daemoniker.SignalAction;
import io.daemoniker.SignalHandler1;
import io.daemoniker.internal.platform.SignalNumbers;

/**
 * A daemon for the tests, driven by system properties so that one program covers every
 * case. Usage: {@code TestDaemonApp <pid-file> <log-file> [args...]}. Everything it
 * observes goes to the log file, one fact per line.
 *
 * <ul>
 * <li>{@code test.chdir}, {@code test.umask} (octal), {@code test.stdin},
 * {@code test.stderr} (default: the log file), {@code test.timeoutMs},
 * {@code test.jvmOption}, {@code test.strip}: daemonize options</li>
 * <li>{@code test.openInLauncher}: a file the launcher opens and keeps open</li>
 * <li>{@code test.deleteInLauncher}: a file the launcher deletes during set-up</li>
 * <li>{@code test.failInDaemon}: throw before daemonize returns, in the daemon only</li>
 * <li>{@code test.daemonDelayMs}: sleep before daemonize, in the daemon only</li>
 * <li>{@code test.daemonAwait}: a file the daemon waits for before daemonize, so that a
 * test can change things between the launcher's checks and the daemon's</li>
 * <li>{@code test.handle}: signals with a custom handler (e.g. {@code HUP,USR1})</li>
 * <li>{@code test.ignore}: signals to ignore</li>
 * <li>{@code test.handlerMs}: how long each custom handler takes</li>
 * <li>{@code test.await}: whether the main thread waits for signals as exceptions</li>
 * <li>{@code test.foreground}: hold the PID file and handle signals without
 * daemonizing</li>
 * <li>{@code test.spawnChild}: once daemonized, start a child JVM of the same test that
 * outlives the daemon when the daemon is killed, and log its PID as
 * {@code child pid=}</li>
 * <li>{@code test.readPidFile}: once daemonized, open and close the PID file in every way
 * Java has, as an application might, before logging {@code pid file read back}</li>
 * <li>{@code test.hookLatch}: a file whose creation a shutdown hook waits for</li>
 * <li>{@code test.bigArgChars}: pass one more argument, a string of that many
 * characters</li>
 * <li>{@code test.argCount}: pass that many more arguments</li>
 * <li>{@code test.loneSurrogate}: pass one more argument that holds a lone surrogate</li>
 * <li>{@code test.daemonMark}: a file the daemon JVM creates as soon as it runs</li>
 * <li>{@code test.manualReady}: daemonize with manual readiness and never confirm</li>
 * <li>{@code test.daemonLatch}: a file whose creation the daemon JVM waits for before it
 * daemonizes</li>
 * <li>{@code test.plainDaemonize}: daemonize with {@code Daemoniker.daemonize}, which
 * ends the JVM on failure, instead of a {@code Daemonizer}</li>
 * <li>{@code test.dieAfterDaemonize}: {@code halt} (print a line and halt without
 * shutdown hooks) or {@code oom} (run out of heap)</li>
 * <li>{@code test.inheritingChildAfter}: once this file exists, start
 * {@code cmd /c echo inherited child output} with inherited standard streams (Windows)
 * and log how it ended</li>
 * </ul>
 */
public final class TestDaemonApp {

	private static final List<InputStream> KEPT_OPEN = new ArrayList<>();

	private TestDaemonApp() {
	}

	public static void main(String[] args) throws Exception {
		Path pidFile = Path.of(args[0]);
		Path log = Path.of(args[1]);
		List<Object> passed = new ArrayList<>(List.of(args).subList(2, args.length));
		addTestArguments(passed);
		if (Daemoniker.isDaemon()) {
			beforeDaemonizeInDaemon();
		}
		if (Boolean.getBoolean("test.foreground")) {
			io.daemoniker.PidFile held = io.daemoniker.PidFile.acquire(pidFile);
			System.out.println("foreground pid=" + ProcessHandle.current().pid() + " pidfile=" + held.path());
			System.out.flush();
			runDaemon(pidFile, passed);
			return;
		}
		List<Object> received;
		if (Boolean.getBoolean("test.plainDaemonize")) {
			received = Daemoniker.daemonize(pidFile, options(log), passed.toArray());
		}
		else {
			received = daemonizeInSteps(pidFile, log, passed);
		}
		dieIfAsked();
		System.out.println("daemon started pid=" + ProcessHandle.current().pid());
		System.out.println("cwd=" + Path.of("").toAbsolutePath());
		if (Long.getLong("test.bigArgChars") != null) {
			System.out.println("big arg received length=" + ((String) received.get(received.size() - 1)).length());
		}
		else {
			System.out.println("args=" + received);
		}
		System.out.flush();
		runDaemon(pidFile, received);
	}

	private static List<Object> daemonizeInSteps(Path pidFile, Path log, List<Object> passed) throws IOException {
		List<Object> received;
		try (Daemonizer daemonizer = new Daemonizer()) {
			if (daemonizer.isSetup()) {
				setUpInLauncher();
			}
			DaemonizeResult result = daemonizer.daemonize(pidFile, options(log), passed.toArray());
			if (result.isParent()) {
				System.out.println("launcher: daemon confirmed, args in launcher=" + result.args());
			}
			received = result.args();
		}
		return received;
	}

	private static void addTestArguments(List<Object> passed) {
		Long chars = Long.getLong("test.bigArgChars");
		if (chars != null) {
			passed.add("x".repeat(chars.intValue()));
		}
		int count = Integer.getInteger("test.argCount", 0);
		for (int i = 0; i < count; i++) {
			passed.add("a");
		}
		if (Boolean.getBoolean("test.loneSurrogate")) {
			passed.add("a\uD800b");
		}
	}

	private static void dieIfAsked() {
		String how = System.getProperty("test.dieAfterDaemonize", "");
		if (how.equals("halt")) {
			System.out.println("simulated fatal error: dying without shutdown hooks");
			System.out.flush();
			Runtime.getRuntime().halt(3);
		}
		if (how.equals("oom")) {
			List<long[]> hog = new ArrayList<>();
			while (true) {
				hog.add(new long[1024 * 1024]);
			}
		}
	}

	private static void beforeDaemonizeInDaemon() throws InterruptedException, IOException {
		String mark = System.getProperty("test.daemonMark");
		if (mark != null) {
			Files.createFile(Path.of(mark));
		}
		String latch = System.getProperty("test.daemonLatch");
		while (latch != null && !Files.exists(Path.of(latch))) {
			Thread.sleep(20);
		}
		if (Boolean.getBoolean("test.failInDaemon")) {
			throw new IllegalStateException("boom before daemonize in the daemon");
		}
		String await = System.getProperty("test.daemonAwait");
		for (int round = 0; await != null && !Files.exists(Path.of(await)) && round < 1200; round++) {
			Thread.sleep(50);
		}
		long delay = Long.getLong("test.daemonDelayMs", 0);
		if (delay > 0) {
			Thread.sleep(delay);
		}
	}

	private static void setUpInLauncher() throws IOException {
		System.out.println("launcher: set-up ran");
		String open = System.getProperty("test.openInLauncher");
		if (open != null) {
			KEPT_OPEN.add(new FileInputStream(open));
		}
		String delete = System.getProperty("test.deleteInLauncher");
		if (delete != null) {
			Files.delete(Path.of(delete));
		}
	}

	private static DaemonizeOptions options(Path log) {
		DaemonizeOptions.Builder builder = DaemonizeOptions.builder().stdout(log);
		String stderr = System.getProperty("test.stderr");
		builder.stderr((stderr != null) ? Path.of(stderr) : log);
		String chdir = System.getProperty("test.chdir");
		if (chdir != null) {
			builder.chdir(Path.of(chdir));
		}
		String umask = System.getProperty("test.umask");
		if (umask != null) {
			builder.umask(Integer.parseInt(umask, 8));
		}
		String stdin = System.getProperty("test.stdin");
		if (stdin != null) {
			builder.stdin(Path.of(stdin));
		}
		String timeout = System.getProperty("test.timeoutMs");
		if (timeout != null) {
			builder.successTimeout(Duration.ofMillis(Long.parseLong(timeout)));
		}
		String jvmOption = System.getProperty("test.jvmOption");
		if (jvmOption != null) {
			builder.jvmOptions(jvmOption);
		}
		String startupCache = System.getProperty("test.startupCache");
		if ("beside".equals(startupCache)) {
			builder.startupCache(true);
		}
		else if (startupCache != null) {
			builder.startupCache(Path.of(startupCache));
		}
		builder.stripCommandArguments(Boolean.getBoolean("test.strip"));
		if (Boolean.getBoolean("test.manualReady") || !System.getProperty("test.dieAfterDaemonize", "").isEmpty()) {
			builder.manualReadiness(true);
		}
		return builder.build();
	}

	private static void readPidFileBack(Path pidFile) throws IOException {
		String content = Files.readString(pidFile);
		try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(pidFile)) {
			// A POSIX lock taken and released in this process must not touch the
			// daemon's.
			channel.tryLock(0, Long.MAX_VALUE, true).release();
		}
		new FileInputStream(pidFile.toFile()).close();
		System.out.println("pid file read back: " + content.strip());
		System.out.flush();
	}

	private static void runDaemon(Path pidFile, List<Object> args) throws InterruptedException, IOException {
		if (Boolean.getBoolean("test.readPidFile")) {
			readPidFileBack(pidFile);
		}
		if (Boolean.getBoolean("test.spawnChild")) {
			Process child = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(),
					"-Dtest.id=" + System.getProperty("test.id"), "-cp", System.getProperty("java.class.path"),
					SleeperApp.class.getName())
				.start();
			System.out.println("child pid=" + child.pid());
			System.out.flush();
		}
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			System.out.println("shutdown hook ran");
			System.out.flush();
		}));
		String latch = System.getProperty("test.hookLatch");
		if (latch != null) {
			Runtime.getRuntime().addShutdownHook(new Thread(() -> awaitLatch(Path.of(latch))));
		}
		SignalHandler1 signals = new SignalHandler1(pidFile);
		long handlerMs = Long.getLong("test.handlerMs", 0);
		for (String name : list("test.handle")) {
			signals.setHandler(SignalNumbers.require(name), handler(handlerMs));
		}
		for (String name : list("test.ignore")) {
			signals.setHandler(SignalNumbers.require(name), SignalHandler1.IGNORE_SIGNAL);
		}
		signals.start();
		System.out.println("signals started");
		System.out.flush();
		String childAfter = System.getProperty("test.inheritingChildAfter");
		if (childAfter != null) {
			startInheritingChild(Path.of(childAfter));
		}
		if (Boolean.getBoolean("test.await")) {
			while (true) {
				try {
					signals.awaitSignal();
				}
				catch (ReceivedSignal ex) {
					System.out.println("main observed " + ex.getClass().getSimpleName() + " signum=" + ex.signum());
					System.out.flush();
					if (ex.signum() == io.daemoniker.SIGTERM.SIGNUM) {
						System.exit(0);
					}
				}
			}
		}
		Thread.sleep(Long.MAX_VALUE);
	}

	/**
	 * A slow shutdown hook whose end the test decides: it waits until the latch file
	 * exists.
	 */
	private static void awaitLatch(Path latch) {
		System.out.println("slow hook waiting");
		System.out.flush();
		while (!Files.exists(latch)) {
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				return;
			}
		}
		System.out.println("slow hook released");
		System.out.flush();
	}

	private static void startInheritingChild(Path trigger) {
		Thread thread = new Thread(() -> {
			try {
				while (!Files.exists(trigger)) {
					Thread.sleep(50);
				}
				Process child = new ProcessBuilder("cmd.exe", "/c", "echo inherited child output").inheritIO().start();
				System.out.println("child ended exit=" + child.waitFor());
			}
			catch (IOException | InterruptedException ex) {
				System.out.println("child failed: " + ex);
			}
			System.out.flush();
		}, "inheriting-child");
		thread.setDaemon(true);
		thread.start();
	}

	private static SignalAction handler(long handlerMs) {
		return (signum) -> {
			System.out.println(
					"handler start SIG" + SignalNumbers.name(signum) + " thread=" + Thread.currentThread().getName());
			System.out.flush();
			if (handlerMs > 0) {
				Thread.sleep(handlerMs);
			}
			System.out.println("handled SIG" + SignalNumbers.name(signum));
			System.out.flush();
		};
	}

	private static List<String> list(String property) {
		String value = System.getProperty(property, "");
		List<String> names = new ArrayList<>();
		for (String name : value.split(",")) {
			if (!name.isBlank()) {
				names.add(name.trim().toUpperCase(Locale.ROOT));
			}
		}
		return names;
	}

}
