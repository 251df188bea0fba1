/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.benchmarks;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark harness: starts real JVMs and daemons, times them from the outside, and
 * prints every figure next to a baseline measured in the same run. Run by hand through
 * {@code benchmarks/run.sh}, never by CI. Every process it starts is stopped by PID
 * before it exits, also when a step fails.
 */
public final class Benchmark {

	private final String java;

	private final Path root;

	private final Path classes;

	private final Path work;

	private final Map<String, String> options;

	private final Set<Process> started = ConcurrentHashMap.newKeySet();

	private final Map<String, List<Long>> samples = new LinkedHashMap<>();

	private final List<String> notes = new ArrayList<>();

	private int sequence;

	private String springMain;

	private List<String> nativeAccess = List.of();

	private Benchmark(Map<String, String> options) {
		this.options = options;
		this.java = options.getOrDefault("java", Path.of(System.getProperty("java.home"), "bin", "java").toString());
		this.root = Path.of(System.getProperty("bench.root")).toAbsolutePath();
		this.classes = Path.of(System.getProperty("bench.classes")).toAbsolutePath();
		this.work = Path.of(System.getProperty("bench.work")).toAbsolutePath();
	}

	/**
	 * Runs the benchmark.
	 * @param args {@code --name value} options, see {@code benchmarks/run.sh}
	 * @throws Exception if a step fails; everything started is stopped first
	 */
	public static void main(String[] args) throws Exception {
		Map<String, String> options = new HashMap<>();
		for (int i = 0; i + 1 < args.length; i += 2) {
			options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
		}
		Benchmark benchmark = new Benchmark(options);
		Runtime.getRuntime().addShutdownHook(new Thread(benchmark::cleanUp));
		try {
			benchmark.run();
		}
		finally {
			benchmark.cleanUp();
		}
	}

	private void run() throws Exception {
		String parts = this.options.getOrDefault("parts", "plain,signals,spring");
		System.out.println("java for the measured JVMs: " + this.java + " (" + javaVersion() + ")");
		if (parts.contains("plain")) {
			plain(intOption("runs", 20));
		}
		if (parts.contains("signals")) {
			signals(intOption("signals", 2000));
		}
		if (parts.contains("spring")) {
			spring(intOption("spring-runs", 8), intOption("settle-ms", 2000));
		}
	}

	// ---- Part 1: the plain daemon's launcher against a bare JVM start

	private void plain(int runs) throws Exception {
		Path plainJar = require(this.root.resolve("examples/plain-daemon/target/plain-daemon.jar"));
		Path cliJar = require(this.root.resolve("daemoniker-core/target/daemoniker-cli.jar"));
		String probeClassPath = this.classes + File.pathSeparator + plainJar;
		Path script = installDistribution();
		int warmUp = 2;
		System.out.printf("%n== plain-daemon: %d runs (+%d warm-up), interleaved ==%n", runs, warmUp);
		for (int i = -warmUp; i < runs; i++) {
			boolean record = i >= 0;
			time(record, "hello", List.of(this.java, "-cp", this.classes.toString(), "Hello"));
			time(record, "jna-native", javaWithJna(probeClassPath, JnaProbe.class.getName(), "native"));
			time(record, "jna-call", javaWithJna(probeClassPath, JnaProbe.class.getName(), "call"));
			time(record, "spawn",
					List.of(this.java, "-cp", this.classes.toString(), JnaProbe.class.getName(), "spawn"));
			time(record, "steps", List.of(this.java, "-cp", this.classes.toString(), LauncherSteps.class.getName()));
			int n = next();
			Path pidFile = this.work.resolve("plain-" + n + ".pid");
			Path log = this.work.resolve("plain-" + n + ".log");
			time(record, "launcher",
					List.of(this.java, "-jar", plainJar.toString(), pidFile.toString(), log.toString()));
			long pid = daemonPid(pidFile);
			time(record, "cli-status", List.of(this.java, "-jar", cliJar.toString(), "status", pidFile.toString()));
			time(record, "cli-stop", List.of(this.java, "-jar", cliJar.toString(), "stop", pidFile.toString()));
			awaitGone(pid);
			// The same commands as a user runs them: the distribution's bin/daemoniker,
			// with its class-data archive (made in the first warm-up round) in this run's
			// own cache directory.
			n = next();
			Path scriptPidFile = this.work.resolve("plain-" + n + ".pid");
			run(List.of(this.java, "-jar", plainJar.toString(), scriptPidFile.toString(),
					this.work.resolve("plain-" + n + ".log").toString()));
			long scriptPid = daemonPid(scriptPidFile);
			time(record, "script-status", List.of(script.toString(), "status", scriptPidFile.toString()));
			time(record, "script-stop", List.of(script.toString(), "stop", scriptPidFile.toString()));
			awaitGone(scriptPid);
			probeRun(record, probeClassPath, cliJar);
			if (record) {
				System.out.print(".");
			}
		}
		System.out.println();
		printPlain();
	}

	/**
	 * Unpacks the distribution archive that the build made into this run's directory, and
	 * gives the {@code daemoniker} script a cache directory of this run's (see
	 * {@link #start}).
	 * @return the script
	 */
	private Path installDistribution() throws Exception {
		Path target = this.root.resolve("daemoniker-distribution/target");
		Path archive = null;
		try (DirectoryStream<Path> files = Files.newDirectoryStream(target, "daemoniker-*-bin.tar.gz")) {
			for (Path file : files) {
				archive = file;
			}
		}
		if (archive == null) {
			throw new IllegalStateException(
					"no distribution archive in " + target + "; build first: mvn -B -DskipTests package");
		}
		Path into = Files.createDirectories(this.work.resolve("distribution"));
		if (run(List.of("tar", "-xzf", archive.toString(), "-C", into.toString())) != 0) {
			throw new IllegalStateException("cannot unpack " + archive);
		}
		Files.createDirectories(this.work.resolve("cli-cache"),
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
		String name = archive.getFileName().toString();
		return into.resolve(name.substring(0, name.length() - "-bin.tar.gz".length())).resolve("bin/daemoniker");
	}

	/**
	 * The same daemonization by {@link ProbeDaemon}, which records when each JVM entered
	 * {@code main} and left {@code daemonize}: splits the launcher's wall time into
	 * phases.
	 */
	private void probeRun(boolean record, String classPath, Path cliJar) throws Exception {
		int n = next();
		Path pidFile = this.work.resolve("probe-" + n + ".pid");
		Path log = this.work.resolve("probe-" + n + ".log");
		String times = this.work.resolve("probe-" + n + ".times").toString();
		long startedAt = epochNanos();
		long nanos = time(record, "probe-launcher",
				javaWithJna(classPath, ProbeDaemon.class.getName(), pidFile.toString(), log.toString(), times));
		long endedAt = startedAt + nanos;
		long pid = daemonPid(pidFile);
		Map<String, Long> launcher = readTimes(Path.of(times + ".launcher"));
		Map<String, Long> daemon = readTimes(Path.of(times + ".daemon"));
		run(List.of(this.java, "-jar", cliJar.toString(), "stop", pidFile.toString()));
		awaitGone(pid);
		if (record) {
			add("phase 1 launcher JVM start -> main", launcher.get("main") - startedAt);
			add("phase 2 launcher: daemonize() -> daemon JVM main", daemon.get("main") - launcher.get("before"));
			add("phase 3 daemon: main -> daemonize() returned (ready sent)", daemon.get("after") - daemon.get("main"));
			add("phase 4 ready sent -> launcher's daemonize() returned", launcher.get("after") - daemon.get("after"));
			add("phase 5 launcher: System.exit -> process gone", endedAt - launcher.get("after"));
		}
	}

	private void printPlain() {
		System.out.println("wall times in ms, " + this.samples.get("hello").size() + " runs each (median / p90 / min)");
		line("bare JVM: java -cp <dir> Hello", "hello");
		line("JVM loading JNA only (Native class)", "jna-native");
		line("JVM loading JNA + register libc + getpid()", "jna-call");
		line("plain-daemon launcher to confirmed daemon", "launcher");
		line("JVM starting /bin/true once (ProcessBuilder, no JNA)", "spawn");
		line("JVM taking the launcher's JDK steps (LauncherSteps)", "steps");
		line("ProbeDaemon launcher (same calls, timestamps)", "probe-launcher");
		line("CLI status of the running plain daemon", "cli-status");
		line("CLI stop of the plain daemon", "cli-stop");
		line("bin/daemoniker status of the running plain daemon", "script-status");
		line("bin/daemoniker stop of the plain daemon", "script-stop");
		ratioLine("launcher / bare JVM", "launcher", 2.5);
		ratioLine("CLI status of a running daemon / bare JVM", "cli-status", 1.5);
		ratioLine("CLI stop of an idle plain daemon / bare JVM", "cli-stop", 3.0);
		ratioLine("bin/daemoniker status of a running daemon / bare JVM", "script-status", 1.5);
		ratioLine("bin/daemoniker stop of an idle plain daemon / bare JVM", "script-stop", 3.0);
		Stats hello = Stats.of(this.samples.get("hello"));
		Stats jna = Stats.of(this.samples.get("jna-call"));
		System.out.printf("JNA load + libc bind costs %.1f ms over a bare JVM (median difference)%n",
				(jna.p50() - hello.p50()) / 1e6);
		System.out
			.println("where the ProbeDaemon launcher's time goes (ms, median / p90 / min, from wall-clock stamps):");
		for (String key : this.samples.keySet()) {
			if (key.startsWith("phase")) {
				line(key, key);
			}
		}
		System.out.println("steps timed inside fresh JVMs by the probes (ms, median / p90 / min):");
		for (String key : this.samples.keySet()) {
			if (key.startsWith("split")) {
				line(key.substring(6), key);
			}
		}
	}

	// ---- Part 2: in-process send -> handler latency

	private void signals(int perMode) throws Exception {
		Path plainJar = require(this.root.resolve("examples/plain-daemon/target/plain-daemon.jar"));
		System.out.printf("%n== in-process signal latency: %d signals per mode ==%n", perMode);
		Path pidFile = this.work.resolve("signals.pid");
		Path output = this.work.resolve("signals.out");
		int exit = run(javaWithJna(this.classes + File.pathSeparator + plainJar, SignalLatency.class.getName(),
				pidFile.toString(), Integer.toString(perMode)), output, 600);
		List<String> lines = Files.readAllLines(output);
		lines.forEach(System.out::println);
		if (exit != 0) {
			throw new IllegalStateException("SignalLatency exited with " + exit);
		}
		Map<String, Map<String, Double>> rows = new HashMap<>();
		for (String line : lines) {
			String[] fields = line.trim().split("\\s+");
			if (fields.length > 2 && fields[0].equals("signal")) {
				Map<String, Double> values = new HashMap<>();
				for (int i = 2; i < fields.length; i++) {
					String[] pair = fields[i].split("=");
					values.put(pair[0], Double.parseDouble(pair[1]));
				}
				rows.put(fields[1], values);
			}
		}
		Map<String, Double> raw = rows.get("raise->raw");
		Map<String, Double> ours = rows.get("send->SignalHandler1");
		double overhead99 = ours.get("p99_us") - raw.get("p99_us");
		System.out.printf(
				"OVERHEAD send->SignalHandler1 over raise->raw: p50 %+.1f us, p99 %+.1f us (goal p99 overhead < 200 us: %s)%n",
				ours.get("p50_us") - raw.get("p50_us"), overhead99, (overhead99 < 200) ? "met" : "NOT met");
	}

	// ---- Part 3: the Spring Boot example

	private void spring(int runs, int settleMs) throws Exception {
		Path jar = Path.of(this.options.getOrDefault("spring-jar",
				this.root.resolve("examples/spring-daemon/target/spring-daemon.jar").toString()));
		System.out.printf("%n== spring-daemon: %d runs (+1 warm-up), interleaved, settle %d ms before RSS ==%n", runs,
				settleMs);
		if (!Files.isRegularFile(jar)) {
			System.out.println("SKIPPED: " + jar + " does not exist; build it first (mvn -B -DskipTests package)");
			return;
		}
		Set<String> variants = Set.of(
				this.options
					.getOrDefault("spring-variants",
							"fg,daemon,daemon-cache,fg-starter,exploded,exploded-nostarter,exploded-cache")
					.split(","));
		// Another build of the same application, for a before-and-after comparison in one
		// interleaved run.
		Path baselineJar = this.options.containsKey("spring-baseline-jar")
				? require(Path.of(this.options.get("spring-baseline-jar"))) : null;
		Path exploded = this.work.resolve("spring-exploded");
		if (variants.contains("exploded") || variants.contains("exploded-nostarter")
				|| variants.contains("exploded-cache")) {
			int exit = run(List.of(this.java, "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination",
					exploded.toString()));
			this.springMain = springMainOf(jar);
			if (exit != 0 || this.springMain == null) {
				throw new IllegalStateException("cannot extract " + jar + " (jarmode=tools) or find its Start-Class");
			}
		}
		Path cliJar = require(this.root.resolve("daemoniker-core/target/daemoniker-cli.jar"));
		// The start-up cache is made by the daemon's own runs: one on JDK 17, two on JDK
		// 25 (the second launcher makes the AOT cache). Those runs are not measured.
		for (int i = 0; i < 2; i++) {
			if (variants.contains("daemon-cache")) {
				springCachedDaemon(false, jar, cliJar, "daemon-cache");
			}
			if (variants.contains("exploded-cache")) {
				springCachedDaemon(false, exploded.resolve(jar.getFileName()), cliJar, "exploded-cache");
			}
		}
		for (int i = -1; i < runs; i++) {
			boolean record = i >= 0;
			if (variants.contains("fg")) {
				springForeground(record, jar, false, settleMs);
			}
			if (variants.contains("daemon")) {
				springDaemon(record, jar, cliJar, settleMs);
			}
			if (baselineJar != null) {
				springBaselineDaemon(record, baselineJar, cliJar);
			}
			if (variants.contains("daemon-cache")) {
				springCachedDaemon(record, jar, cliJar, "daemon-cache");
			}
			if (variants.contains("fg-starter")) {
				springForeground(record, jar, true, settleMs);
			}
			if (variants.contains("exploded")) {
				springExploded(record, exploded, true, settleMs);
			}
			if (variants.contains("exploded-nostarter")) {
				springExploded(record, exploded, false, settleMs);
			}
			if (variants.contains("exploded-cache")) {
				springCachedDaemon(record, exploded.resolve(jar.getFileName()), cliJar, "exploded-cache");
			}
			if (record) {
				System.out.print(".");
			}
		}
		System.out.println();
		if (variants.contains("daemon")) {
			for (int i = 0; i < 3; i++) {
				springMilestones(jar, cliJar);
			}
		}
		System.out.println("wall times in ms (median / p90 / min)");
		line("foreground, starter inactive: start -> GET / 200", "spring-fg");
		line("foreground, starter active (mode=foreground): -> 200", "spring-fg-starter");
		line("daemon: launcher start -> launcher exit 0", "spring-launcher");
		line("  of which launcher start -> daemon JVM exists (10 ms ticks)", "spring-before-daemon");
		line("  of which daemon JVM exists -> launcher exit 0", "spring-daemon-own");
		line("daemon: launcher start -> GET / 200", "spring-daemon-200");
		line("baseline jar's daemon: launcher start -> launcher exit 0", "spring-launcher-baseline");
		line("  of which launcher start -> daemon JVM exists (10 ms ticks)", "spring-before-daemon-baseline");
		line("daemon with start-up cache: launcher start -> launcher exit 0", "spring-daemon-cache");
		line("CLI stop of the idle daemon", "spring-stop");
		line("extracted layout, all jars, starter inactive: -> 200", "spring-exploded");
		line("extracted layout, without daemoniker/JNA jars: -> 200", "spring-exploded-nostarter");
		line("extracted layout, daemon with start-up cache: -> launcher exit 0", "spring-exploded-cache");
		springRatios();
		if (this.samples.keySet().stream().anyMatch((key) -> key.startsWith("milestone"))) {
			System.out.println(
					"spring-daemon launcher JVM, uptime at first load of a class (-Xlog:class+load, 3 extra runs):");
			for (String key : this.samples.keySet()) {
				if (key.startsWith("milestone")) {
					line(key.substring(10), key);
				}
			}
		}
		System.out.println("resident memory in MiB, VmRSS after readiness + settle (median / p90 / min)");
		mib("foreground, starter inactive (no daemoniker.pid-file)", "rss-fg");
		mib("foreground, starter active (mode=foreground)", "rss-fg-starter");
		mib("daemon (starter active, daemonized)", "rss-daemon");
		mib("extracted layout, all jars, starter inactive", "rss-exploded");
		mib("extracted layout, without daemoniker/JNA jars", "rss-exploded-nostarter");
		System.out.println("resident memory in MiB, VmRSS after a full GC (jcmd GC.run), less heap noise");
		mib("foreground, starter inactive (no daemoniker.pid-file)", "rss-gc-fg");
		mib("foreground, starter active (mode=foreground)", "rss-gc-fg-starter");
		mib("daemon (starter active, daemonized)", "rss-gc-daemon");
		mib("extracted layout, all jars, starter inactive", "rss-gc-exploded");
		mib("extracted layout, without daemoniker/JNA jars", "rss-gc-exploded-nostarter");
		System.out.println("after the full GC: heap used + Metaspace used, in MiB (jcmd GC.heap_info)");
		for (String key : List.of("fg", "fg-starter", "daemon", "exploded", "exploded-nostarter")) {
			if (this.samples.containsKey("heap-" + key)) {
				List<Long> sums = new ArrayList<>();
				for (int i = 0; i < this.samples.get("heap-" + key).size(); i++) {
					sums.add(this.samples.get("heap-" + key).get(i) + this.samples.get("meta-" + key).get(i));
				}
				this.samples.put("heap+meta-" + key, sums);
				mib(key + ": heap used", "heap-" + key);
				mib(key + ": Metaspace used", "meta-" + key);
				mib(key + ": heap + Metaspace used", "heap+meta-" + key);
			}
		}
		if (this.samples.containsKey("heap+meta-daemon") && this.samples.containsKey("heap+meta-fg")) {
			double more = (Stats.of(this.samples.get("heap+meta-daemon")).p50()
					- Stats.of(this.samples.get("heap+meta-fg")).p50()) / 1024.0;
			System.out.printf("heap + Metaspace used, daemon - foreground without starter: median %+.1f MiB%n", more);
		}
		if (this.samples.containsKey("heap+meta-exploded")
				&& this.samples.containsKey("heap+meta-exploded-nostarter")) {
			double more = (Stats.of(this.samples.get("heap+meta-exploded")).p50()
					- Stats.of(this.samples.get("heap+meta-exploded-nostarter")).p50()) / 1024.0;
			System.out.printf("heap + Metaspace used, extracted with Daemoniker's jars - without: median %+.1f MiB%n",
					more);
		}
		if (this.samples.containsKey("rss-fg") && this.samples.containsKey("rss-fg-starter")) {
			System.out.printf("RSS foreground with starter active - without: median %+.1f MiB%n",
					(Stats.of(this.samples.get("rss-fg-starter")).p50() - Stats.of(this.samples.get("rss-fg")).p50())
							/ 1024.0);
		}
		if (!this.samples.containsKey("spring-fg") || !this.samples.containsKey("spring-launcher")) {
			return;
		}
		Stats without = Stats.of(this.samples.get("rss-fg"));
		Stats daemon = Stats.of(this.samples.get("rss-daemon"));
		double more = (daemon.p50() - without.p50()) / 1024.0;
		System.out.printf("RSS daemon - foreground without starter: median %+.1f MiB (goal < 5 MiB more: %s)%n", more,
				(more < 5) ? "met at the median" : "NOT met at the median");
		double moreAfterGc = (Stats.of(this.samples.get("rss-gc-daemon")).p50()
				- Stats.of(this.samples.get("rss-gc-fg")).p50()) / 1024.0;
		System.out.printf(
				"RSS after full GC, daemon - foreground without starter: median %+.1f MiB (goal < 5 MiB: %s)%n",
				moreAfterGc, (moreAfterGc < 5) ? "met at the median" : "NOT met at the median");
	}

	/**
	 * Prints the goals of the Spring side: the launcher until the daemon is ready (the
	 * launcher exits then) against the same jar in the foreground until it answers, and
	 * the same with the start-up cache against the foreground without it.
	 */
	private void springRatios() {
		goal("RATIO Spring launcher until ready / foreground until ready", "spring-launcher", "spring-fg", 1.05);
		goal("RATIO baseline jar's Spring launcher until ready / foreground until ready", "spring-launcher-baseline",
				"spring-fg", 1.05);
		goal("RATIO Spring launcher with start-up cache / foreground without it", "spring-daemon-cache", "spring-fg",
				0.6);
		goal("RATIO extracted layout: launcher with start-up cache / foreground without it", "spring-exploded-cache",
				"spring-exploded", 0.6);
	}

	private void goal(String label, String measured, String baseline, double goal) {
		if (!this.samples.containsKey(measured) || !this.samples.containsKey(baseline)) {
			return;
		}
		Stats of = Stats.of(this.samples.get(measured));
		Stats base = Stats.of(this.samples.get(baseline));
		double ratio = ratio(of.p50(), base.p50());
		System.out.printf("%s: median %.2fx, p90 %.2fx, min %.2fx (goal <= %.2fx: %s)%n", label, ratio,
				ratio(of.p90(), base.p90()), ratio(of.min(), base.min()), goal,
				(ratio <= goal) ? "met at the median" : "NOT met at the median");
	}

	/**
	 * Starts the daemon with {@code daemoniker.startup-cache.enabled}, with one PID file
	 * per variant for every run, beside which the cache stays from run to run.
	 */
	private void springCachedDaemon(boolean record, Path jar, Path cliJar, String key) throws Exception {
		int n = next();
		int port = freePort();
		Path pidFile = this.work.resolve("spring-" + key + ".pid");
		Path log = this.work.resolve("spring-" + key + "-" + n + ".log");
		List<String> command = List.of(this.java, "-jar", jar.toString(), "--daemoniker.pid-file=" + pidFile,
				"--daemoniker.stdout=" + log, "--daemoniker.startup-cache.enabled=true", "--server.port=" + port,
				"--server.address=127.0.0.1");
		Path output = this.work.resolve("spring-" + key + "-launcher-" + n + ".out");
		long start = System.nanoTime();
		Process process = start(command, output);
		long launcher = awaitLauncher(process, start, output);
		long pid = daemonPid(pidFile);
		awaitHttp(port, null, log);
		run(List.of(this.java, "-jar", cliJar.toString(), "stop", pidFile.toString()));
		awaitGone(pid);
		if (record) {
			add("spring-" + key, launcher);
		}
	}

	/**
	 * Waits for a Spring launcher to exit with status 0, at most 300 seconds (on JDK 25
	 * one launch makes the AOT cache), and returns its wall time in nanoseconds.
	 */
	private long awaitLauncher(Process process, long start, Path output) throws Exception {
		if (!process.waitFor(300, TimeUnit.SECONDS)) {
			throw new IllegalStateException("the spring-daemon launcher did not exit within 300 s; see " + output);
		}
		long launcher = System.nanoTime() - start;
		this.started.remove(process);
		if (process.exitValue() != 0) {
			throw new IllegalStateException(
					"the spring-daemon launcher exited with " + process.exitValue() + ":\n" + Files.readString(output));
		}
		return launcher;
	}

	private void springForeground(boolean record, Path jar, boolean starter, int settleMs) throws Exception {
		int n = next();
		Path pidFile = this.work.resolve("spring-fg-" + n + ".pid");
		List<String> command = new ArrayList<>(List.of(this.java, "-jar", jar.toString()));
		if (starter) {
			command.add("--daemoniker.pid-file=" + pidFile);
			command.add("--daemoniker.mode=foreground");
		}
		springForeground(record, command, starter ? "fg-starter" : "fg", settleMs);
	}

	/**
	 * Starts the application from its extracted layout ({@code -Djarmode=tools extract}):
	 * with every library, or without Daemoniker's jars (starter, core, JNA), which is the
	 * same application built without the starter.
	 */
	private void springExploded(boolean record, Path exploded, boolean withStarter, int settleMs) throws Exception {
		List<String> classPath = new ArrayList<>();
		try (DirectoryStream<Path> jars = Files.newDirectoryStream(exploded, "*.jar")) {
			jars.forEach((jar) -> classPath.add(jar.toString()));
		}
		try (DirectoryStream<Path> jars = Files.newDirectoryStream(exploded.resolve("lib"), "*.jar")) {
			for (Path jar : jars) {
				String name = jar.getFileName().toString();
				if (withStarter || !(name.startsWith("daemoniker-") || name.startsWith("jna-"))) {
					classPath.add(jar.toString());
				}
			}
		}
		List<String> command = List.of(this.java, "-cp", String.join(File.pathSeparator, classPath), this.springMain);
		springForeground(record, command, withStarter ? "exploded" : "exploded-nostarter", settleMs);
	}

	private void springForeground(boolean record, List<String> baseCommand, String key, int settleMs) throws Exception {
		int n = next();
		int port = freePort();
		List<String> command = new ArrayList<>(baseCommand);
		command.add("--server.port=" + port);
		command.add("--server.address=127.0.0.1");
		Path output = this.work.resolve("spring-" + key + "-" + n + ".out");
		long start = System.nanoTime();
		Process process = start(command, output);
		try {
			awaitHttp(port, process, output);
			long elapsed = System.nanoTime() - start;
			Thread.sleep(settleMs);
			long rss = rssKiB(process.pid());
			long rssAfterGc = rssAfterGc(process.pid());
			Map<String, Long> heap = heapInfo(process.pid());
			if (record) {
				add("spring-" + key, elapsed);
				add("rss-" + key, rss);
				add("rss-gc-" + key, rssAfterGc);
				if (!heap.isEmpty()) {
					add("heap-" + key, heap.get("heap"));
					add("meta-" + key, heap.get("meta"));
				}
			}
		}
		finally {
			stopProcess(process);
		}
	}

	private void springDaemon(boolean record, Path jar, Path cliJar, int settleMs) throws Exception {
		SpringLaunch launch = launchSpringDaemon(jar, "spring");
		long pid = launch.pid();
		long ready = System.nanoTime() - launch.start();
		Thread.sleep(settleMs);
		long rss = rssKiB(pid);
		long rssAfterGc = rssAfterGc(pid);
		Map<String, Long> heap = heapInfo(pid);
		long stop = time(false, "spring-stop",
				List.of(this.java, "-jar", cliJar.toString(), "stop", launch.pidFile().toString()));
		awaitGone(pid);
		if (record) {
			add("spring-launcher", launch.launcher());
			add("spring-before-daemon", launch.beforeDaemon());
			add("spring-daemon-own", launch.launcher() - launch.beforeDaemon());
			add("spring-daemon-200", ready);
			add("spring-stop", stop);
			add("rss-daemon", rss);
			add("rss-gc-daemon", rssAfterGc);
			if (!heap.isEmpty()) {
				add("heap-daemon", heap.get("heap"));
				add("meta-daemon", heap.get("meta"));
			}
		}
	}

	/**
	 * Starts the daemon from the baseline jar ({@code --spring-baseline-jar}), as
	 * {@link #springDaemon} does, and records only the launcher's times.
	 */
	private void springBaselineDaemon(boolean record, Path jar, Path cliJar) throws Exception {
		SpringLaunch launch = launchSpringDaemon(jar, "spring-baseline");
		run(List.of(this.java, "-jar", cliJar.toString(), "stop", launch.pidFile().toString()));
		awaitGone(launch.pid());
		if (record) {
			add("spring-launcher-baseline", launch.launcher());
			add("spring-before-daemon-baseline", launch.beforeDaemon());
		}
	}

	/**
	 * Starts the Spring daemon from a jar and waits until it answers {@code GET /}.
	 */
	private SpringLaunch launchSpringDaemon(Path jar, String name) throws Exception {
		int n = next();
		int port = freePort();
		Path pidFile = this.work.resolve(name + "-" + n + ".pid");
		Path log = this.work.resolve(name + "-" + n + ".log");
		List<String> command = List.of(this.java, "-jar", jar.toString(), "--daemoniker.pid-file=" + pidFile,
				"--daemoniker.stdout=" + log, "--server.port=" + port, "--server.address=127.0.0.1");
		Path output = this.work.resolve(name + "-launcher-" + n + ".out");
		long start = System.nanoTime();
		Process process = start(command, output);
		long launcherTicks = startTicks(process.pid());
		long launcher = awaitLauncher(process, start, output);
		long pid = daemonPid(pidFile);
		// Process start times in clock ticks (10 ms): how long the launcher ran before
		// the daemon JVM existed.
		long beforeDaemon = (startTicks(pid) - launcherTicks) * 10 * 1_000_000L;
		awaitHttp(port, null, log);
		return new SpringLaunch(pidFile, pid, start, launcher, beforeDaemon);
	}

	/**
	 * A Spring daemon started by {@link #launchSpringDaemon}: its PID file and PID, when
	 * its launcher started (nanoTime), and the launcher's times in nanoseconds.
	 */
	private record SpringLaunch(Path pidFile, long pid, long start, long launcher, long beforeDaemon) {
	}

	/**
	 * Starts the daemon once more with {@code -Xlog:class+load}, and reads from the
	 * launcher's log when (JVM uptime) it reached the main class, the starter's listener,
	 * the starter's properties and the spawn of the daemon: where the launcher spends its
	 * time before the daemon exists. Not part of the timed runs.
	 */
	private void springMilestones(Path jar, Path cliJar) throws Exception {
		int n = next();
		int port = freePort();
		Path pidFile = this.work.resolve("spring-xlog-" + n + ".pid");
		Path log = this.work.resolve("spring-xlog-" + n + ".log");
		String classLog = this.work.resolve("spring-xlog-" + n + "-%p.classes").toString();
		Path output = this.work.resolve("spring-xlog-" + n + ".out");
		Process launcher = start(List.of(this.java, "-Xlog:class+load:file=" + classLog, "-jar", jar.toString(),
				"--daemoniker.pid-file=" + pidFile, "--daemoniker.stdout=" + log, "--server.port=" + port,
				"--server.address=127.0.0.1"), output);
		if (!launcher.waitFor(180, TimeUnit.SECONDS) || launcher.exitValue() != 0) {
			throw new IllegalStateException("the spring-daemon launcher failed; see " + output);
		}
		this.started.remove(launcher);
		long pid = daemonPid(pidFile);
		run(List.of(this.java, "-jar", cliJar.toString(), "stop", pidFile.toString()));
		awaitGone(pid);
		List<String> lines = Files.readAllLines(Path.of(classLog.replace("%p", Long.toString(launcher.pid()))));
		Map<String, String> milestones = new LinkedHashMap<>();
		milestones.put("application main class", " " + this.springMainOf(jar) + " ");
		milestones.put("logback", " ch.qos.logback.");
		milestones.put("starter listener", ".DaemonizingApplicationListener ");
		milestones.put("starter properties", ".DaemonikerProperties ");
		milestones.put("Spring Boot's Binder (absent: not loaded)",
				" org.springframework.boot.context.properties.bind.Binder ");
		milestones.put("ProcessImpl (spawn of the daemon)", " java.lang.ProcessImpl ");
		milestones.put("last class loaded (about exit)", null);
		for (Map.Entry<String, String> milestone : milestones.entrySet()) {
			String found = null;
			for (String line : lines) {
				if (milestone.getValue() == null || line.contains(milestone.getValue())) {
					found = line;
					if (milestone.getValue() != null) {
						break;
					}
				}
			}
			if (found != null && found.startsWith("[")) {
				double seconds = Double.parseDouble(found.substring(1, found.indexOf("s]")));
				add("milestone " + milestone.getKey(), (long) (seconds * 1e9));
			}
		}
	}

	private String springMainOf(Path jar) throws IOException {
		try (JarFile app = new JarFile(jar.toFile())) {
			return app.getManifest().getMainAttributes().getValue("Start-Class");
		}
	}

	private static void awaitHttp(int port, Process process, Path output) throws Exception {
		URI uri = URI.create("http://127.0.0.1:" + port + "/");
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
		while (System.nanoTime() < deadline) {
			if (process != null && !process.isAlive()) {
				throw new IllegalStateException("the application exited with " + process.exitValue()
						+ " before answering on " + uri + "; its output is in " + output);
			}
			try {
				HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
				connection.setConnectTimeout(200);
				connection.setReadTimeout(5000);
				try {
					if (connection.getResponseCode() == 200) {
						return;
					}
				}
				finally {
					connection.disconnect();
				}
			}
			catch (IOException ex) {
				// Not listening yet.
			}
			Thread.sleep(5);
		}
		throw new IllegalStateException("no 200 from " + uri + " within 120 s; see " + output);
	}

	// ---- processes

	/**
	 * Runs a command to its end and returns its wall time in nanoseconds; fails unless it
	 * exits with 0.
	 */
	private long time(boolean record, String key, List<String> command) throws Exception {
		Path output = this.work.resolve(key + "-" + next() + ".out");
		long start = System.nanoTime();
		int exit = run(command, output, 180);
		long elapsed = System.nanoTime() - start;
		if (exit != 0) {
			throw new IllegalStateException(
					String.join(" ", command) + " exited with " + exit + ":\n" + Files.readString(output));
		}
		if (record) {
			add(key, elapsed);
			// Probes print "split name_us=N ...": steps they timed inside the JVM.
			for (String line : Files.readAllLines(output)) {
				if (line.startsWith("split ")) {
					for (String pair : line.substring(6).trim().split("\\s+")) {
						String[] parts = pair.split("=");
						add("split " + parts[0].replaceFirst("_us$", ""), Long.parseLong(parts[1]) * 1000);
					}
				}
			}
		}
		return elapsed;
	}

	private int run(List<String> command) throws Exception {
		return run(command, this.work.resolve("run-" + next() + ".out"), 180);
	}

	private int run(List<String> command, Path output, int timeoutSeconds) throws Exception {
		Process process = start(command, output);
		if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException(String.join(" ", command) + " did not end within " + timeoutSeconds + " s");
		}
		this.started.remove(process);
		return process.exitValue();
	}

	private Process start(List<String> command, Path output) throws IOException {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.redirectInput(new File("/dev/null"));
		if (command.get(0).endsWith("/bin/daemoniker")) {
			builder.environment().put("XDG_CACHE_HOME", this.work.resolve("cli-cache").toString());
			// The JVM that the other figures use, by its installation's directory.
			builder.environment().put("JAVA_HOME", Path.of(this.java).toRealPath().getParent().getParent().toString());
		}
		Process process = builder.start();
		this.started.add(process);
		return process;
	}

	private void stopProcess(Process process) throws InterruptedException {
		process.destroy();
		if (!process.waitFor(30, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			process.waitFor(10, TimeUnit.SECONDS);
		}
		this.started.remove(process);
	}

	private long daemonPid(Path pidFile) throws IOException {
		if (!Files.exists(pidFile)) {
			throw new IllegalStateException("the launcher exited with 0 but left no PID file " + pidFile);
		}
		long pid = Long.parseLong(Files.readString(pidFile).trim());
		if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
			throw new IllegalStateException("daemon " + pid + " of " + pidFile + " is not running");
		}
		return pid;
	}

	/**
	 * Waits until a stopped daemon is gone. Its new parent may reap it late, so a zombie
	 * counts as gone.
	 */
	private void awaitGone(long pid) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (System.nanoTime() < deadline) {
			if (isGone(pid)) {
				return;
			}
			Thread.sleep(5);
		}
		throw new IllegalStateException("daemon " + pid + " still runs 30 s after stop");
	}

	private static boolean isGone(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
			return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
		}
		catch (IOException ex) {
			return true;
		}
	}

	/**
	 * Runs a full GC in the process ({@code jcmd <pid> GC.run}) and reads its resident
	 * memory once it has given back what the collection freed: the heap's share of VmRSS
	 * otherwise depends on how long ago the last collection ran.
	 */
	private long rssAfterGc(long pid) throws Exception {
		Path jcmd = Path.of(this.java).toRealPath().getParent().resolve("jcmd");
		int exit = run(List.of(jcmd.toString(), Long.toString(pid), "GC.run"));
		if (exit != 0) {
			throw new IllegalStateException("jcmd " + pid + " GC.run exited with " + exit);
		}
		Thread.sleep(500);
		return rssKiB(pid);
	}

	/**
	 * Returns when a process started, in clock ticks since boot (field 22 of
	 * {@code /proc/<pid>/stat}; a tick is 10 ms on Linux).
	 */
	private static long startTicks(long pid) throws IOException {
		String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		return Long.parseLong(fields[19]);
	}

	/**
	 * Reads, after the full GC of {@link #rssAfterGc}, the heap in use (the live set) and
	 * the Metaspace in use ({@code jcmd <pid> GC.heap_info}), in KiB: steadier than
	 * VmRSS, whose heap share depends on how far the heap has grown.
	 */
	private Map<String, Long> heapInfo(long pid) throws Exception {
		Path jcmd = Path.of(this.java).toRealPath().getParent().resolve("jcmd");
		Path output = this.work.resolve("heap-info-" + next() + ".out");
		if (run(List.of(jcmd.toString(), Long.toString(pid), "GC.heap_info"), output, 60) != 0) {
			throw new IllegalStateException("jcmd " + pid + " GC.heap_info failed; see " + output);
		}
		Map<String, Long> values = new HashMap<>();
		Pattern used = Pattern.compile("used (\\d+)K");
		for (String line : Files.readAllLines(output)) {
			Matcher matcher = used.matcher(line);
			if (!matcher.find()) {
				continue;
			}
			if (line.contains("total") && !values.containsKey("heap")) {
				values.put("heap", Long.parseLong(matcher.group(1)));
			}
			else if (line.trim().startsWith("Metaspace")) {
				values.put("meta", Long.parseLong(matcher.group(1)));
			}
		}
		if (values.size() != 2) {
			// JDK 25's jcmd words it otherwise: the run goes on without these figures.
			System.out.println("(cannot read heap and Metaspace use from " + output + ")");
			return Map.of();
		}
		return values;
	}

	private static long rssKiB(long pid) throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
			if (line.startsWith("VmRSS:")) {
				return Long.parseLong(line.replaceAll("[^0-9]", ""));
			}
		}
		throw new IllegalStateException("no VmRSS in /proc/" + pid + "/status");
	}

	/**
	 * Stops whatever is still running: the processes started here, and every process
	 * whose command line names this run's work directory (a fresh temporary directory):
	 * daemons, and daemons still starting whose launcher was stopped before they wrote
	 * their PID file, with their intermediate shells. A reused PID never matches.
	 */
	private synchronized void cleanUp() {
		for (Process process : this.started) {
			process.destroyForcibly();
		}
		this.started.clear();
		// Twice: a shell caught between its start and its exec of the daemon's JVM is
		// found the first time, a JVM it had just started the second time.
		for (int pass = 0; pass < 2; pass++) {
			ProcessHandle.allProcesses()
				.filter((handle) -> handle.pid() != ProcessHandle.current().pid())
				.filter((handle) -> handle.info().commandLine().orElse("").contains(this.work.toString()))
				.forEach((handle) -> {
					System.err.println("cleaning up process " + handle.pid());
					handle.destroyForcibly();
				});
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	// ---- helpers

	private static Map<String, Long> readTimes(Path file) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (!Files.exists(file) || !Files.readString(file).endsWith("\n")) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(file + " was not written");
			}
			Thread.sleep(5);
		}
		Map<String, Long> times = new HashMap<>();
		for (String pair : Files.readString(file).trim().split(" ")) {
			String[] parts = pair.split("=");
			times.put(parts[0], Long.parseLong(parts[1]));
		}
		return times;
	}

	private void add(String key, long value) {
		this.samples.computeIfAbsent(key, (k) -> new ArrayList<>()).add(value);
	}

	private void line(String label, String key) {
		if (!this.samples.containsKey(key)) {
			return;
		}
		Stats stats = Stats.of(this.samples.get(key));
		System.out.printf("  %-58s %8.1f %8.1f %8.1f%n", label, stats.p50() / 1e6, stats.p90() / 1e6,
				stats.min() / 1e6);
	}

	/**
	 * Prints one of the goals: a figure of this run divided by the bare JVM's,
	 * and whether the median meets the goal.
	 */
	private void ratioLine(String label, String key, double goal) {
		Stats hello = Stats.of(this.samples.get("hello"));
		Stats measured = Stats.of(this.samples.get(key));
		double median = ratio(measured.p50(), hello.p50());
		System.out.printf("RATIO %s: median %.2fx, p90 %.2fx, min %.2fx (goal <= %.1fx: %s)%n", label, median,
				ratio(measured.p90(), hello.p90()), ratio(measured.min(), hello.min()), goal,
				(median <= goal) ? "met at the median" : "NOT met at the median");
	}

	private void mib(String label, String key) {
		if (!this.samples.containsKey(key)) {
			return;
		}
		Stats stats = Stats.of(this.samples.get(key));
		System.out.printf("  %-58s %8.1f %8.1f %8.1f%n", label, stats.p50() / 1024.0, stats.p90() / 1024.0,
				stats.min() / 1024.0);
	}

	private static double ratio(long value, long baseline) {
		return (double) value / baseline;
	}

	private static long epochNanos() {
		Instant now = Instant.now();
		return now.getEpochSecond() * 1_000_000_000L + now.getNano();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
			return socket.getLocalPort();
		}
	}

	private static Path require(Path file) {
		if (!Files.isRegularFile(file)) {
			throw new IllegalStateException(file + " does not exist; build first: mvn -B -DskipTests package");
		}
		return file;
	}

	private int intOption(String name, int defaultValue) {
		return Integer.parseInt(this.options.getOrDefault(name, Integer.toString(defaultValue)));
	}

	private synchronized int next() {
		return ++this.sequence;
	}

	private String javaVersion() throws Exception {
		Path output = this.work.resolve("java-version.out");
		run(List.of(this.java, "-version"), output, 60);
		List<String> lines = Files.readAllLines(output);
		Matcher feature = Pattern.compile("version \"(\\d+)").matcher(lines.get(0));
		// JDK 24 and later warn when JNA loads its library unless native access is
		// enabled (the executable jars enable it in their manifests).
		if (feature.find() && Integer.parseInt(feature.group(1)) >= 22) {
			this.nativeAccess = List.of("--enable-native-access=ALL-UNNAMED");
		}
		return lines.stream().filter((line) -> line.contains("Runtime Environment")).findFirst().orElse("?").trim();
	}

	/**
	 * Returns a {@code java -cp} command line for a class that uses JNA.
	 */
	private List<String> javaWithJna(String classPath, String mainClass, String... args) {
		List<String> command = new ArrayList<>(List.of(this.java));
		command.addAll(this.nativeAccess);
		command.addAll(List.of("-cp", classPath, mainClass));
		command.addAll(List.of(args));
		return command;
	}

}
