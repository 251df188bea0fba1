/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;

import io.daemoniker.internal.platform.Platform;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The internal packages' dependencies, as {@code jdeps} reads them from the compiled
 * classes: no cycle among them, sub-packages included; the platform layer depends on no
 * other internal package (the Windows platform is loaded by name); neither the signal
 * handling nor the portable sentinels depend on the Windows package, which builds on
 * them; and of the launch packages, what both sides of a start share depends on none of
 * the others, and the daemon's side on nothing of the launcher's.
 */
class PackageDependencyTests {

	private static final String[] LAUNCH_PACKAGES = { "launch", "launch.launcher", "launch.daemon", "launch.spawn",
			"launch.commandline", "launch.cache" };

	private static final Pattern EDGE = Pattern.compile(
			"^\\s+io\\.daemoniker\\.internal\\.([\\w.]+)\\s+->\\s+io\\.daemoniker\\.internal\\.([\\w.]+)",
			Pattern.MULTILINE);

	@Test
	void platformDependsOnNoOtherInternalPackage() throws Exception {
		assertThat(dependencies()).noneMatch((edge) -> edge.startsWith("platform -> "));
	}

	@Test
	void signalsAndSentinelsDoNotDependOnTheWindowsPackage() throws Exception {
		assertThat(dependencies()).doesNotContain("signal -> windows", "sentinel -> windows", "signal -> sentinel");
	}

	@Test
	void noInternalPackagesDependOnEachOtherInACycle() throws Exception {
		Map<String, Set<String>> graph = new TreeMap<>();
		for (String edge : dependencies()) {
			String[] ends = edge.split(" -> ");
			graph.computeIfAbsent(ends[0], (from) -> new TreeSet<>()).add(ends[1]);
		}
		assertThat(graph).as("the launch packages are all seen").containsKeys(LAUNCH_PACKAGES);
		for (String start : graph.keySet()) {
			assertThat(cycleThrough(start, graph)).as("a cycle among the internal packages").isEmpty();
		}
	}

	@Test
	void whatBothSidesOfAStartShareDependsOnNoOtherLaunchPackage() throws Exception {
		assertThat(dependencies()).noneMatch((edge) -> edge.startsWith("launch -> launch."));
	}

	@Test
	void theDaemonSideDependsOnNothingOfTheLauncherSide() throws Exception {
		assertThat(dependencies()).doesNotContain("launch.daemon -> launch.launcher", "launch.daemon -> launch.spawn",
				"launch.daemon -> launch.commandline", "launch.daemon -> launch.cache");
	}

	@Test
	void onlyTheFacadeReadsThePublicOptions() throws Exception {
		assertThat(jdeps("-verbose:class")).doesNotContainPattern(
				"(?m)^\\s+io\\.daemoniker\\.internal\\.\\S+\\s+->\\s+io\\.daemoniker\\.DaemonizeOptions\\b");
	}

	/**
	 * Returns a path of dependencies that leads from a package back to itself.
	 * @param start the package
	 * @param graph each package's direct dependencies
	 * @return the packages of the cycle, {@code start} first and last, or empty if there
	 * is none
	 */
	private static List<String> cycleThrough(String start, Map<String, Set<String>> graph) {
		Deque<List<String>> paths = new ArrayDeque<>();
		paths.add(List.of(start));
		Set<String> seen = new TreeSet<>();
		while (!paths.isEmpty()) {
			List<String> path = paths.poll();
			for (String next : graph.getOrDefault(path.get(path.size() - 1), Set.of())) {
				List<String> longer = new ArrayList<>(path);
				longer.add(next);
				if (next.equals(start)) {
					return longer;
				}
				if (seen.add(next)) {
					paths.add(longer);
				}
			}
		}
		return List.of();
	}

	private static Set<String> dependencies() throws URISyntaxException {
		Set<String> edges = new TreeSet<>();
		Matcher edge = EDGE.matcher(jdeps("-verbose:package"));
		while (edge.find()) {
			if (!edge.group(1).equals(edge.group(2))) {
				edges.add(edge.group(1) + " -> " + edge.group(2));
			}
		}
		assertThat(edges).as("jdeps found no internal dependencies at all").isNotEmpty();
		return edges;
	}

	private static String jdeps(String verbosity) throws URISyntaxException {
		Path classes = Path.of(Platform.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
		StringWriter out = new StringWriter();
		int status = jdeps.run(new PrintWriter(out), new PrintWriter(out), verbosity, "-filter:none", "-cp",
				classes.toString(), classes.toString());
		assertThat(status).as(out.toString()).isZero();
		return out.toString();
	}

}
