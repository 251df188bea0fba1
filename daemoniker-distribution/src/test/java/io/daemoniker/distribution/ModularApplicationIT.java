/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.distribution;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import io.daemoniker.DaemonStatus;
import io.daemoniker.Daemoniker;
import io.daemoniker.support.Daemons;
import io.daemoniker.support.Daemons.Result;
import io.daemoniker.support.RealDaemonTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A modular application, with a {@code module-info} of its own, compiled and run on the
 * module path against the packaged core jar: it finds the core under its automatic module
 * name {@code io.daemoniker.core}, daemonizes (the daemon is relaunched with the same
 * {@code --module-path} and {@code -m}), and is stopped through its PID file.
 */
@EnabledOnOs(OS.LINUX)
class ModularApplicationIT extends RealDaemonTests {

	private static final String MODULE_INFO = """
			module app {
			    requires io.daemoniker.core;
			    // The core is an automatic module: it requires nothing itself, so the
			    // application names the modules the core uses.
			    requires com.sun.jna;
			    requires com.sun.jna.platform;
			    requires jdk.unsupported;
			}
			""";

	private static final String MAIN = """
			package app;

			import java.nio.file.Path;

			import io.daemoniker.DaemonizeOptions;
			import io.daemoniker.Daemoniker;
			import io.daemoniker.SignalHandler1;

			public class Main {

			    public static void main(String[] args) throws Exception {
			        Path log = Path.of(args[1]).toAbsolutePath();
			        DaemonizeOptions options = DaemonizeOptions.builder().stdout(log).stderr(log).build();
			        Daemoniker.daemonize(Path.of(args[0]), options);
			        new SignalHandler1(Path.of(args[0])).start();
			        System.out.println("daemon in module " + Main.class.getModule().getName() + " using "
			                + Daemoniker.class.getModule().getName());
			        Thread.sleep(Long.MAX_VALUE);
			    }

			}
			""";

	@Test
	void aModularApplicationDaemonizesWithTheCoreOnTheModulePath() throws IOException {
		Path sources = Files.createDirectories(this.directory.resolve("src/app"));
		Files.writeString(sources.resolve("module-info.java"), MODULE_INFO);
		Files.createDirectories(sources.resolve("app"));
		Files.writeString(sources.resolve("app/Main.java"), MAIN);
		Path classes = this.directory.resolve("mods/app");
		String modulePath = System.getProperty("daemoniker.module.path");
		compile(modulePath, classes, sources.resolve("module-info.java"), sources.resolve("app/Main.java"));

		Result launch = this.daemons.run(List.of(Daemons.JAVA, this.daemons.marker(), "--module-path",
				classes + File.pathSeparator + modulePath, "-m", "app/app.Main", "app.pid", "app.log"), this.directory);
		assertThat(launch.exitCode()).as(launch.toString()).isZero();
		Daemons.awaitLog(this.log, "daemon in module app using io.daemoniker.core");
		DaemonStatus status = Daemoniker.status(this.pidFile);
		assertThat(status.isRunning()).as(status.description()).isTrue();
		assertThat(Daemoniker.stop(this.pidFile, Duration.ofSeconds(30))).isTrue();
		assertThat(this.pidFile).doesNotExist();
	}

	private static void compile(String modulePath, Path classes, Path... files) {
		JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
		ByteArrayOutputStream errors = new ByteArrayOutputStream();
		String[] args = { "--release", "17", "--module-path", modulePath, "-d", classes.toString(), files[0].toString(),
				files[1].toString() };
		int status = javac.run(null, errors, errors, args);
		assertThat(status).as(errors.toString(StandardCharsets.UTF_8)).isZero();
	}

}
