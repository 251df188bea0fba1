/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.sentinel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Measures on Linux what a sentinel costs: the time from starting it until it runs (it
 * announced itself, or sleeps in its read), and its resident and proportional memory once
 * it waits. Compares the minimal JVM sentinel with a JVM started with default options
 * (the baseline, measured in the same run) and with {@code cat}, a small native program
 * that waits the same way, as {@code sort.exe} does on Windows. Not a test: run it with
 * {@code java -cp target/test-classes:target/classes
 * io.daemoniker.internal.sentinel.SentinelBenchmark [rounds]}.
 */
final class SentinelBenchmark {

	private SentinelBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 10;
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		List<String> minimal = JvmSentinel.command(java);
		List<String> baseline = new ArrayList<>(List.of(java.toString()));
		baseline.addAll(minimal.subList(minimal.size() - 3, minimal.size()));
		System.out.println("JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
				+ ", rounds: " + rounds);
		Figures base = measure("JVM, default options", new ProcessSentinelStarter(baseline, true), rounds);
		Figures small = measure("JVM, sentinel options " + JvmSentinel.OPTIONS,
				new ProcessSentinelStarter(minimal, true), rounds);
		Figures cat = measure("cat (native, waits on its input)", new ProcessSentinelStarter(List.of("cat"), false),
				rounds);
		System.out.println();
		System.out.printf("sentinel JVM / default JVM: start %.2f, RSS %.2f, PSS %.2f%n",
				small.startMillis / base.startMillis, small.rssKb / base.rssKb, small.pssKb / base.pssKb);
		System.out.printf("cat / default JVM:          start %.2f, RSS %.2f, PSS %.2f%n",
				cat.startMillis / base.startMillis, cat.rssKb / base.rssKb, cat.pssKb / base.pssKb);
	}

	private static Figures measure(String label, SentinelStarter starter, int rounds) throws Exception {
		List<Double> starts = new ArrayList<>();
		List<Double> rss = new ArrayList<>();
		List<Double> pss = new ArrayList<>();
		for (int i = 0; i < rounds; i++) {
			long begin = System.nanoTime();
			Sentinel sentinel = starter.start();
			try {
				while (!waitsInRead(sentinel.pid())) {
					Thread.onSpinWait();
				}
				starts.add((System.nanoTime() - begin) / 1e6);
				Thread.sleep(300);
				rss.add(field(Path.of("/proc", Long.toString(sentinel.pid()), "status"), "VmRSS:"));
				pss.add(field(Path.of("/proc", Long.toString(sentinel.pid()), "smaps_rollup"), "Pss:"));
			}
			finally {
				sentinel.stop();
				sentinel.awaitExit();
			}
		}
		Figures figures = new Figures(median(starts), median(rss), median(pss));
		System.out.printf("%-70s start-to-waiting median %6.1f ms, RSS %7.0f kB, PSS %7.0f kB%n", label,
				figures.startMillis, figures.rssKb, figures.pssKb);
		return figures;
	}

	/**
	 * Whether the process sleeps: for {@code cat} that is its read; an announcing JVM is
	 * already past its start when the starter returns.
	 */
	private static boolean waitsInRead(long pid) throws IOException {
		String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
		return stat.charAt(stat.lastIndexOf(')') + 2) == 'S';
	}

	private static double field(Path file, String key) throws IOException {
		for (String line : Files.readAllLines(file)) {
			if (line.startsWith(key)) {
				return Double.parseDouble(line.substring(key.length()).trim().split("\\s+")[0]);
			}
		}
		return Double.NaN;
	}

	private static double median(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get(sorted.size() / 2);
	}

	private record Figures(double startMillis, double rssKb, double pssKb) {
	}

}
