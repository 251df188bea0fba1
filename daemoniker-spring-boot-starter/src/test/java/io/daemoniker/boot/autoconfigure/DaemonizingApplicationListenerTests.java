/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.boot.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.daemoniker.DaemonStatus;
import io.daemoniker.Daemoniker;
import io.daemoniker.PidFile;
import io.daemoniker.RunMode;
import io.daemoniker.boot.ManagedDaemon;
import io.daemoniker.boot.OnSignal;
import io.daemoniker.internal.pidfile.PidFileLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link DaemonizingApplicationListener} through a real
 * {@link SpringApplication#run}, in foreground mode (daemon mode ends the JVM that
 * launches: the example's process tests cover it). The core runs a JVM in the foreground
 * once, so one test alone gets that far, last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DaemonizingApplicationListenerTests {

	@TempDir
	Path temp;

	private final List<Path> pidFiles = new CopyOnWriteArrayList<>();

	@AfterEach
	void releasePidFilesAndForget() {
		// The starter holds a foreground PID file until the JVM exits; tests must not.
		this.pidFiles.forEach((pidFile) -> PidFileLock.heldByThisProcess(pidFile).ifPresent(PidFileLock::close));
		DaemonizingApplicationListener.reset();
	}

	private ConfigurableApplicationContext run(String... args) {
		return application().run(args);
	}

	private static SpringApplication application() {
		SpringApplication application = new SpringApplication(TestApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		return application;
	}

	@Test
	void aNativeImageSaysItIsNotSupported() {
		System.setProperty(DaemonizingApplicationListener.NATIVE_IMAGE_PROPERTY, "runtime");
		try {
			assertThatIllegalStateException()
				.isThrownBy(() -> run("--daemoniker.pid-file=" + this.temp.resolve("native.pid")))
				.withMessageContaining("GraalVM native image, which Daemoniker does not support");
			assertThat(this.temp.resolve("native.pid")).doesNotExist();
		}
		finally {
			System.clearProperty(DaemonizingApplicationListener.NATIVE_IMAGE_PROPERTY);
		}
	}

	@Test
	@Order(Integer.MAX_VALUE)
	void foregroundModeHoldsThePidFileAndDispatchesSignalsOncePerJvm() {
		Path pidFile = this.temp.resolve("fg.pid");
		this.pidFiles.add(pidFile);
		SpringApplication application = application();
		try (ConfigurableApplicationContext context = application.run("--daemoniker.pid-file=" + pidFile,
				"--daemoniker.mode=foreground")) {
			long pid = ProcessHandle.current().pid();
			assertThat(pidFile).hasContent(Long.toString(pid));
			DaemonStatus status = Daemoniker.status(pidFile);
			assertThat(status.isRunning()).isTrue();
			assertThat(status.pid()).hasValue(pid);
			ManagedDaemon daemon = context.getBean(ManagedDaemon.class);
			assertThat(daemon.mode()).isEqualTo(RunMode.FOREGROUND);
			assertThat(daemon.pidFile()).isEqualTo(pidFile);
			// A service runs until stopped, even with no thread of its own: Spring Boot's
			// keep-alive thread runs.
			assertThat(application.isKeepAlive()).isTrue();
			assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName).contains("keep-alive");
			Reloads reloads = context.getBean(Reloads.class);
			// The core's send special-cases a PID file that this very process holds: it
			// must never open it again, which would drop the lock.
			Daemoniker.send(pidFile, "HUP");
			await().until(() -> reloads.signals.size() == 1);
			Daemoniker.send(pidFile, "SIGHUP");
			await().until(() -> reloads.signals.size() == 2);
			assertThat(Daemoniker.status(pidFile).isRunning()).isTrue();
			assertThat(daemon.handledSignals()).containsEntry("HUP", 2L);
			Path second = this.temp.resolve("second.pid");
			SpringApplication later = application();
			try (ConfigurableApplicationContext restarted = later.run("--daemoniker.pid-file=" + second,
					"--daemoniker.mode=foreground")) {
				assertThat(second).as("once per JVM").doesNotExist();
				assertThat(later.isKeepAlive()).as("kept alive as the first").isTrue();
				// As after a DevTools restart: the application that came later still sees
				// the PID file that this JVM holds.
				assertThat(restarted.getBean(ManagedDaemon.class).pidFile()).isEqualTo(pidFile);
			}
			// The user's own spring.main.keep-alive decides: Spring Boot binds it after
			// the starter has turned the keep-alive on.
			SpringApplication declined = application();
			try (ConfigurableApplicationContext ignored = declined.run("--daemoniker.pid-file=" + second,
					"--daemoniker.mode=foreground", "--spring.main.keep-alive=false")) {
				assertThat(declined.isKeepAlive()).as("spring.main.keep-alive=false").isFalse();
			}
		}
		assertThat(pidFile).as("held until the JVM exits").exists();
	}

	@Test
	void withoutPidFileTheApplicationRunsAsIfTheStarterWereAbsent() {
		SpringApplication application = application();
		try (ConfigurableApplicationContext context = application.run()) {
			assertThat(context.getBeansOfType(ManagedDaemon.class)).isEmpty();
			assertThat(application.isKeepAlive()).isFalse();
			assertThat(System.getProperty(DaemonizingApplicationListener.HANDLED_PROPERTY)).isNull();
		}
	}

	@Test
	void pidFileHeldByAnotherOwnerFailsTheStart() throws Exception {
		Path pidFile = this.temp.resolve("taken.pid");
		this.pidFiles.add(pidFile);
		try (PidFile held = PidFile.acquire(pidFile)) {
			assertThatIllegalStateException()
				.isThrownBy(() -> run("--daemoniker.pid-file=" + pidFile, "--daemoniker.mode=foreground").close())
				.withMessageContaining("daemoniker:")
				.withMessageContaining(pidFile.toString());
			assertThat(Files.readString(pidFile)).contains(Long.toString(ProcessHandle.current().pid()));
		}
	}

	@Test
	void invalidPropertiesFailTheStartNamingTheProperty() {
		Path pidFile = this.temp.resolve("bad.pid");
		assertThatIllegalStateException()
			.isThrownBy(() -> run("--daemoniker.pid-file=" + pidFile, "--daemoniker.mode=foreground",
					"--daemoniker.umask=8")
				.close())
			.withMessageContaining("daemoniker.umask");
		assertThat(pidFile).doesNotExist();
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(DaemonikerAutoConfiguration.class)
	static class TestApplication {

		@Bean
		Reloads reloads() {
			return new Reloads();
		}

	}

	static class Reloads {

		final List<Integer> signals = new CopyOnWriteArrayList<>();

		@OnSignal("HUP")
		void reload(int signum) {
			this.signals.add(signum);
		}

	}

}
