/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;

import io.daemoniker.internal.platform.Platform;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The internal packages' dependencies, as {@code jdeps} reads them from the compiled
 * classes: the platform layer depends on no other internal package (the Windows platform
 * is loaded by name), and neither the signal handling nor the portable sentinels depend
 * on the Windows package, which builds on them.
 */
class PackageDependencyTests {

	private static final Pattern EDGE = Pattern.compile(
			"^\\s+io\\.daemoniker\\.internal\\.(\\w+)\\s+->\\s+io\\.daemoniker\\.internal\\.(\\w+)", Pattern.MULTILINE);

	@Test
	void platformDependsOnNoOtherInternalPackage() throws Exception {
		assertThat(dependencies()).noneMatch((edge) -> edge.startsWith("platform -> "));
	}

	@Test
	void signalsAndSentinelsDoNotDependOnTheWindowsPackage() throws Exception {
		assertThat(dependencies()).doesNotContain("signal -> windows", "sentinel -> windows", "signal -> sentinel");
	}

	private static Set<String> dependencies() throws URISyntaxException {
		Path classes = Path.of(Platform.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
		StringWriter out = new StringWriter();
		int status = jdeps.run(new PrintWriter(out), new PrintWriter(out), "-verbose:package", "-filter:none", "-cp",
				classes.toString(), classes.toString());
		assertThat(status).as(out.toString()).isZero();
		Set<String> edges = new TreeSet<>();
		Matcher edge = EDGE.matcher(out.toString());
		while (edge.find()) {
			if (!edge.group(1).equals(edge.group(2))) {
				edges.add(edge.group(1) + " -> " + edge.group(2));
			}
		}
		assertThat(edges).as("jdeps found no internal dependencies at all").isNotEmpty();
		return edges;
	}

}
