/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.daemoniker.support.Daemons;
import io.daemoniker.support.Daemons.Result;
import io.daemoniker.support.JavaSnippet;
import io.daemoniker.support.ReadmeSnippets;
import io.daemoniker.support.RealDaemonTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's {@code Daemoniker.start} block, compiled as written and run as a real
 * launcher: it prints the daemon's PID and ends by returning from {@code main}, and the
 * daemon it started serves with the absolute PID file its handle names.
 */
@EnabledOnOs(OS.LINUX)
class ReadmeStartSnippetTests extends RealDaemonTests {

	private static final Path ROOT = Path.of(System.getProperty("daemoniker.repository.root", ".."));

	@Test
	void theStartBlockRunsAsWritten() {
		String block = new ReadmeSnippets(ROOT).block("java", "Daemoniker.start(");
		Path classes = JavaSnippet.compile(this.directory, "ReadmeStart",
				List.of("java.nio.file.Path", "io.daemoniker.*"), block,
				"static void warmUp() {}\n" + "static void serve(Path pidFile) throws InterruptedException {\n"
						+ "    System.out.println(\"serving with \" + pidFile);\n"
						+ "    Thread.sleep(Long.MAX_VALUE);\n}");
		Result launcher = this.daemons.run(List.of(Daemons.JAVA, this.daemons.marker(), "-cp",
				classes + File.pathSeparator + Daemons.CLASSPATH, "ReadmeStart"), this.directory);
		assertThat(launcher.exitCode()).as(launcher.toString()).isZero();
		long pid = Daemons.pidIn(this.pidFile);
		assertThat(launcher.stdout()).contains("started pid " + pid);
		Daemons.awaitLog(this.directory.resolve("app.out"), "serving with " + this.pidFile);
		assertThat(Daemoniker.stop(this.pidFile, Duration.ofSeconds(60))).isTrue();
	}

}
