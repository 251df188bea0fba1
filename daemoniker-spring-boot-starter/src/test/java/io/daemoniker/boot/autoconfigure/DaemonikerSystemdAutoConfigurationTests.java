/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.boot.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.daemoniker.boot.WatchdogHealthCheck;
import io.daemoniker.support.DatagramReceiver;
import io.daemoniker.systemd.SystemdNotifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.GenericApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DaemonikerSystemdAutoConfiguration} and {@link SystemdNotifications}.
 * Notifications go to a real Unix datagram socket that each test binds, as systemd's; the
 * watchdog's variables come through the environment, as systemd's do.
 */
@EnabledOnOs(OS.LINUX)
class DaemonikerSystemdAutoConfigurationTests {

	private final long pid = ProcessHandle.current().pid();

	@TempDir
	Path temp;

	private DatagramReceiver systemd;

	@BeforeEach
	void bindSocket() {
		this.systemd = DatagramReceiver.abstractNamed("daemoniker-boot-tests-" + this.pid + "-" + System.nanoTime());
	}

	@AfterEach
	void closeSocket() throws Exception {
		this.systemd.close();
	}

	// The actuator-free configuration; the liveness state comes from Boot's availability.
	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DaemonikerSystemdAutoConfiguration.class,
					ApplicationAvailabilityAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader("org.springframework.boot.health"))
			.withPropertyValues("daemoniker.pid-file=" + this.temp.resolve("app.pid"),
					"spring.application.name=notified")
			.withBean(SystemdNotifier.class, () -> SystemdNotifier.forSocket(this.systemd.address()));
	}

	@Test
	void withoutPidFileNothingIsConfigured() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DaemonikerSystemdAutoConfiguration.class))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(SystemdNotifications.class);
				assertThat(context).doesNotHaveBean(SystemdNotifier.class);
			});
	}

	@Test
	void notifierFollowsTheEnvironmentAndDoesNothingWithoutNotifySocket() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DaemonikerSystemdAutoConfiguration.class))
			.withPropertyValues("daemoniker.pid-file=" + this.temp.resolve("app.pid"))
			.run((context) -> {
				assertThat(context).hasSingleBean(SystemdNotifications.class);
				assertThat(context.getBean(SystemdNotifier.class).socket())
					.isEqualTo(Optional.ofNullable(System.getenv("NOTIFY_SOCKET")).filter((s) -> !s.isEmpty()));
			});
	}

	@Test
	void statusLinesAndStoppingFollowTheContextsLife() {
		runner().withPropertyValues("local.server.port=8123").run((context) -> {
			assertThat(this.systemd.await(10)).isEqualTo("STATUS=Starting notified (pid " + this.pid + ")\n");
			ready(context);
			assertThat(this.systemd.await(10)).isEqualTo("STATUS=Ready: notified, listening on port 8123\n");
			// Without WATCHDOG_USEC there are no keep-alives.
			assertThat(context.getBean(SystemdNotifications.class).isFeedingWatchdog()).isFalse();
			context.close();
			assertThat(this.systemd.await(10)).isEqualTo("STOPPING=1\nSTATUS=Stopping notified\n");
			assertThat(this.systemd.receive()).isEmpty();
		});
	}

	@Test
	void startTimeoutIsExtendedByDefaultFromTheFirstBeanUntilReadiness() {
		runner().withPropertyValues("NOTIFY_SOCKET=" + this.systemd.address()).run((context) -> {
			// The post-processor is made before any other bean, the status line with the
			// notifications' bean.
			assertThat(this.systemd.await(10)).isEqualTo("EXTEND_TIMEOUT_USEC=30000000\n");
			assertThat(this.systemd.await(10)).startsWith("STATUS=Starting notified");
			StartTimeoutExtension extension = context.getBean(StartTimeoutExtension.class);
			assertThat(extension.isExtending()).isTrue();
			ready(context);
			assertThat(extension.isExtending()).isFalse();
			assertThat(this.systemd.await(10)).startsWith("STATUS=Ready");
		});
	}

	@Test
	void startTimeoutExtensionOfZeroIsOff() {
		runner()
			.withPropertyValues("NOTIFY_SOCKET=" + this.systemd.address(), "daemoniker.systemd.extend-start-timeout=0")
			.run((context) -> {
				assertThat(this.systemd.await(10)).startsWith("STATUS=Starting notified");
				assertThat(context.getBean(StartTimeoutExtension.class).isExtending()).isFalse();
			});
	}

	@Test
	void startTimeoutExtensionBelowASecondFailsTheStartNamingTheProperty() {
		runner()
			.withPropertyValues("NOTIFY_SOCKET=" + this.systemd.address(),
					"daemoniker.systemd.extend-start-timeout=500ms")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessage("daemoniker.systemd.extend-start-timeout \"PT0.5S\" is out of range; "
						+ "use 1s or more, or 0 to turn it off"));
	}

	@Test
	void startTimeoutExtensionIsOffWithoutNotifySocket() {
		runner().run((context) -> assertThat(context.getBean(StartTimeoutExtension.class).isExtending()).isFalse());
	}

	@Test
	void closingBeforeReadinessSendsStoppingAlone() {
		runner().run((context) -> {
			this.systemd.await(10);
			context.close();
			assertThat(this.systemd.await(10)).isEqualTo("STOPPING=1\n");
		});
	}

	@Test
	void mainPidIsSentWhenSystemdStartedAnotherProcess() {
		runner().withPropertyValues("SYSTEMD_EXEC_PID=1").run((context) -> {
			assertThat(this.systemd.await(10))
				.isEqualTo("STATUS=Starting notified (pid " + this.pid + ")\nMAINPID=" + this.pid + "\n");
		});
	}

	@Test
	void noMainPidWhenThisIsTheProcessSystemdStarted() {
		runner().withPropertyValues("SYSTEMD_EXEC_PID=" + this.pid)
			.run((context) -> assertThat(this.systemd.await(10)).doesNotContain("MAINPID"));
	}

	@Test
	void watchdogIsFedWhileLiveAndStopsWhenTheContextCloses() {
		runner().withPropertyValues("WATCHDOG_USEC=200000", "WATCHDOG_PID=" + this.pid).run((context) -> {
			assertThat(context).getBean(WatchdogHealthCheck.class).isInstanceOf(LivenessHealthCheck.class);
			this.systemd.await(10);
			AvailabilityChangeEvent.publish(context, LivenessState.CORRECT);
			ready(context);
			assertThat(this.systemd.await(10)).startsWith("STATUS=Ready");
			assertThat(context.getBean(SystemdNotifications.class).isFeedingWatchdog()).isTrue();
			assertThat(List.of(this.systemd.await(10), this.systemd.await(10))).containsOnly("WATCHDOG=1\n");
			AvailabilityChangeEvent.publish(context, LivenessState.BROKEN);
			// At most one keep-alive was already under way; then silence, which makes
			// systemd restart the service.
			assertThat(drain(Duration.ofSeconds(2))).hasSizeLessThanOrEqualTo(1);
			AvailabilityChangeEvent.publish(context, LivenessState.CORRECT);
			assertThat(this.systemd.await(10)).isEqualTo("WATCHDOG=1\n");
			SystemdNotifications notifications = context.getBean(SystemdNotifications.class);
			context.close();
			assertThat(notifications.isFeedingWatchdog()).isFalse();
			List<String> rest = drain(Duration.ofSeconds(1));
			assertThat(rest).contains("STOPPING=1\nSTATUS=Stopping notified\n");
			assertThat(rest.subList(rest.indexOf("STOPPING=1\nSTATUS=Stopping notified\n"), rest.size()))
				.as("nothing after STOPPING=1")
				.hasSize(1);
		});
	}

	@Test
	void watchdogMeantForAnotherProcessIsNotFed() {
		runner().withPropertyValues("WATCHDOG_USEC=200000", "WATCHDOG_PID=1").run((context) -> {
			AvailabilityChangeEvent.publish(context, LivenessState.CORRECT);
			this.systemd.await(10);
			ready(context);
			this.systemd.await(10);
			assertThat(context.getBean(SystemdNotifications.class).isFeedingWatchdog()).isFalse();
			assertThat(this.systemd.receive()).isEmpty();
		});
	}

	@Test
	void watchdogMeantForTheWrapperIsFedOnceMainPidNamesThisProcess() {
		// A unit whose ExecStart= script (pid 1 here) starts java without exec: the
		// watchdog was meant for the script, which MAINPID= replaces with this JVM.
		runner().withPropertyValues("WATCHDOG_USEC=200000", "WATCHDOG_PID=1", "SYSTEMD_EXEC_PID=1").run((context) -> {
			assertThat(this.systemd.await(10)).contains("MAINPID=" + this.pid);
			AvailabilityChangeEvent.publish(context, LivenessState.CORRECT);
			ready(context);
			assertThat(this.systemd.await(10)).startsWith("STATUS=Ready");
			assertThat(context.getBean(SystemdNotifications.class).isFeedingWatchdog()).isTrue();
			assertThat(this.systemd.await(10)).isEqualTo("WATCHDOG=1\n");
		});
	}

	@Test
	void reloadIsReportedAsReloadingThenReadyWithItsOutcome() {
		runner().withPropertyValues("local.server.port=8123").run((context) -> {
			SystemdNotifications notifications = context.getBean(SystemdNotifications.class);
			// Before readiness a reload says nothing: systemd is still waiting for
			// READY=1.
			notifications.reloading();
			this.systemd.await(10);
			ready(context);
			this.systemd.await(10);
			long before = System.nanoTime() / 1000;
			notifications.reloading();
			String reloading = this.systemd.await(10);
			long after = System.nanoTime() / 1000;
			assertThat(reloading).startsWith("RELOADING=1\nMONOTONIC_USEC=").endsWith("\nSTATUS=Reloading notified\n");
			long usec = Long.parseLong(reloading.lines().toList().get(1).substring("MONOTONIC_USEC=".length()));
			assertThat(usec).isBetween(before, after);
			notifications.reloaded(null);
			assertThat(this.systemd.await(10)).isEqualTo("READY=1\nSTATUS=Ready: notified, listening on port 8123\n");
			notifications.reloading();
			this.systemd.await(10);
			notifications.reloaded(new IllegalStateException("bad configuration\nat line 2"));
			assertThat(this.systemd.await(10)).isEqualTo("READY=1\nSTATUS=Reload failed: bad configuration\n");
		});
	}

	@Test
	void watchdogCanBeTurnedOff() {
		runner().withPropertyValues("WATCHDOG_USEC=200000", "daemoniker.systemd.watchdog.enabled=false")
			.run((context) -> {
				AvailabilityChangeEvent.publish(context, LivenessState.CORRECT);
				ready(context);
				assertThat(context.getBean(SystemdNotifications.class).isFeedingWatchdog()).isFalse();
				assertThat(drain(Duration.ofSeconds(1))).noneMatch((message) -> message.contains("WATCHDOG"));
			});
	}

	@Test
	void userHealthCheckDecides() {
		runner().withPropertyValues("WATCHDOG_USEC=200000")
			.withUserConfiguration(UserHealthCheckConfiguration.class)
			.run((context) -> {
				assertThat(context).getBean(WatchdogHealthCheck.class).isSameAs(UserHealthCheckConfiguration.CHECK);
				this.systemd.await(10);
				ready(context);
				this.systemd.await(10);
				// The liveness state is BROKEN here, but the user's check says healthy.
				assertThat(this.systemd.await(10)).isEqualTo("WATCHDOG=1\n");
			});
	}

	@Test
	void withoutApplicationAvailabilityTheActiveContextIsHealthy() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DaemonikerSystemdAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader("org.springframework.boot.health"))
			.withPropertyValues("daemoniker.pid-file=" + this.temp.resolve("app.pid"))
			.run((context) -> {
				WatchdogHealthCheck check = context.getBean(WatchdogHealthCheck.class);
				assertThat(check).isInstanceOf(LivenessHealthCheck.class);
				assertThat(check.isHealthy()).isTrue();
				context.close();
				assertThat(check.isHealthy()).isFalse();
			});
	}

	@Test
	void readyEventOfAnotherContextIsIgnored() {
		runner().withPropertyValues("local.server.port=8123").run((context) -> {
			this.systemd.await(10);
			try (ConfigurableApplicationContext other = new GenericApplicationContext()) {
				other.refresh();
				context.publishEvent(
						new ApplicationReadyEvent(new SpringApplication(), new String[0], other, Duration.ZERO));
			}
			assertThat(this.systemd.receive()).isEmpty();
		});
	}

	private static void ready(AssertableApplicationContext context) {
		context.publishEvent(new ApplicationReadyEvent(new SpringApplication(), new String[0],
				context.getSourceApplicationContext(), Duration.ZERO));
	}

	private List<String> drain(Duration quiet) {
		List<String> messages = new ArrayList<>();
		long deadline = System.nanoTime() + quiet.toNanos();
		while (System.nanoTime() < deadline) {
			this.systemd.receive().ifPresent(messages::add);
		}
		return messages;
	}

	@Configuration(proxyBeanMethods = false)
	static class UserHealthCheckConfiguration {

		static final WatchdogHealthCheck CHECK = () -> true;

		@Bean
		WatchdogHealthCheck userHealthCheck() {
			return CHECK;
		}

	}

}
