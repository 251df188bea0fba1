/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.boot.autoconfigure;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.daemoniker.Daemoniker;
import io.daemoniker.DaemonizeOptions;
import io.daemoniker.PidFile;
import io.daemoniker.ReceivedSignal;
import io.daemoniker.RunMode;
import io.daemoniker.SIGHUP;
import io.daemoniker.SIGINT;
import io.daemoniker.SIGTERM;
import io.daemoniker.SIGUSR1;
import io.daemoniker.boot.ManagedDaemon;
import io.daemoniker.boot.OnSignal;
import io.daemoniker.systemd.Supervision;
import org.aopalliance.intercept.MethodInterceptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.LazyInitializationBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link DaemonikerAutoConfiguration}. Signals here are real: the tests hold a
 * PID file in this JVM and signal it through the operating system.
 */
class DaemonikerAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DaemonikerAutoConfiguration.class));

	@TempDir
	Path temp;

	@Test
	void withoutPidFileTheStarterIsAbsent() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(ManagedDaemon.class);
			assertThat(context).doesNotHaveBean(DaemonikerProperties.class);
			assertThat(context).doesNotHaveBean(OnSignalMethodProcessor.class);
		});
	}

	@Test
	void emptyPidFileIsNoPidFile() {
		this.runner.withPropertyValues("daemoniker.pid-file=")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(ManagedDaemon.class));
	}

	@Test
	void withPidFileTheDaemonIsManagedAndTermAndIntShutDown() {
		Path pidFile = this.temp.resolve("app.pid");
		this.runner.withPropertyValues("daemoniker.pid-file=" + pidFile, "daemoniker.mode=foreground")
			.run((context) -> {
				ManagedDaemon daemon = context.getBean(ManagedDaemon.class);
				assertThat(daemon.pidFile()).isEqualTo(pidFile);
				assertThat(daemon.pid()).isEqualTo(ProcessHandle.current().pid());
				assertThat(daemon.mode()).isEqualTo(RunMode.FOREGROUND);
				assertThat(daemon.startTime()).isBefore(Instant.now());
				assertThat(daemon.handledSignals()).containsExactly(Map.entry("INT", 0L), Map.entry("TERM", 0L));
				assertThat(context.getBean(SignalDispatchLifecycle.class).isRunning()).isTrue();
			});
	}

	@Test
	void userManagedDaemonMakesTheStarterBackOff() {
		this.runner.withPropertyValues("daemoniker.pid-file=" + this.temp.resolve("app.pid"))
			.withUserConfiguration(UserDaemonConfiguration.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(ManagedDaemon.class);
				assertThat(context).getBean(ManagedDaemon.class).isSameAs(UserDaemonConfiguration.DAEMON);
				assertThat(context).doesNotHaveBean(StarterManagedDaemon.class);
			});
	}

	@Test
	void userManagedDaemonKeepsOnSignalMethodsAndTheShutdownSignals() {
		Path pidFile = this.temp.resolve("user.pid");
		try (PidFile held = PidFile.acquire(pidFile)) {
			this.runner.withPropertyValues("daemoniker.pid-file=" + pidFile)
				.withUserConfiguration(UserDaemonConfiguration.class, HandlerConfiguration.class)
				.run((context) -> {
					assertThat(context).hasNotFailed();
					assertThat(context).getBean(ManagedDaemon.class).isSameAs(UserDaemonConfiguration.DAEMON);
					SignalDispatchLifecycle dispatch = context.getBean(SignalDispatchLifecycle.class);
					assertThat(dispatch.isRunning()).isTrue();
					assertThat(dispatch.handled()).contains(SIGHUP.SIGNUM, SIGUSR1.SIGNUM, SIGTERM.SIGNUM,
							SIGINT.SIGNUM);
					Handlers handlers = context.getBean(Handlers.class);
					Daemoniker.send(pidFile, SIGHUP.SIGNUM);
					await().until(() -> handlers.received.size() == 2);
					assertThat(handlers.received).containsExactlyInAnyOrder("hup", "hup-or-usr1:" + SIGHUP.SIGNUM);
				});
		}
	}

	@Test
	void onSignalMethodsReceiveRealSignalsThroughProxies() {
		Path pidFile = this.temp.resolve("signals.pid");
		ProxyingConfiguration.intercepted.set(0);
		try (PidFile held = PidFile.acquire(pidFile)) {
			this.runner.withPropertyValues("daemoniker.pid-file=" + pidFile)
				.withUserConfiguration(HandlerConfiguration.class, ProxyingConfiguration.class)
				.run((context) -> {
					assertThat(context).hasNotFailed();
					Handlers proxy = context.getBean(Handlers.class);
					assertThat(AopUtils.isAopProxy(proxy)).isTrue();
					Handlers handlers = (Handlers) AopProxyUtils.getSingletonTarget(proxy);
					ManagedDaemon daemon = context.getBean(ManagedDaemon.class);
					assertThat(daemon.handledSignals()).containsOnlyKeys("INT", "TERM", "HUP", "USR1");
					// The kernel merges a signal that is already pending, so each waits
					// for the previous one to arrive.
					daemon.signal("HUP");
					await().until(() -> handlers.received.size() == 2);
					daemon.signal("sigusr1");
					await().until(() -> handlers.received.size() == 4);
					daemon.signal("HUP");
					await().until(() -> handlers.received.size() == 6);
					// One dispatch thread, in order of arrival: both HUP handlers, then
					// both USR1 handlers, then both HUP handlers again.
					assertThat(handlers.received.subList(0, 2)).containsExactlyInAnyOrder("hup",
							"hup-or-usr1:" + SIGHUP.SIGNUM);
					assertThat(handlers.received.subList(2, 4)).containsExactlyInAnyOrder("usr1",
							"hup-or-usr1:" + SIGUSR1.SIGNUM);
					assertThat(handlers.received.subList(4, 6)).containsExactlyInAnyOrder("hup",
							"hup-or-usr1:" + SIGHUP.SIGNUM);
					assertThat(ProxyingConfiguration.intercepted).hasValue(6);
					assertThat(daemon.handledSignals()).containsEntry("HUP", 2L).containsEntry("USR1", 1L);
				});
		}
	}

	@Test
	void handlerThatThrowsDoesNotStopTheNextOnes() {
		Path pidFile = this.temp.resolve("throwing.pid");
		try (PidFile held = PidFile.acquire(pidFile)) {
			this.runner.withPropertyValues("daemoniker.pid-file=" + pidFile)
				.withUserConfiguration(ThrowingHandlerConfiguration.class)
				.run((context) -> {
					ThrowingHandler handler = context.getBean(ThrowingHandler.class);
					ManagedDaemon daemon = context.getBean(ManagedDaemon.class);
					daemon.signal("USR1");
					await().until(() -> handler.calls.get() == 1);
					daemon.signal("USR1");
					await().until(() -> handler.calls.get() == 2);
					assertThat(daemon.handledSignals()).containsEntry("USR1", 2L);
				});
		}
	}

	@Test
	void unsupportedSignalFailsAtStart() {
		this.runner.withPropertyValues("daemoniker.pid-file=" + this.temp.resolve("app.pid"))
			.withUserConfiguration(QuitHandlerConfiguration.class)
			.run((context) -> assertThat(context).getFailure()
				.hasMessageContaining("Invalid @OnSignal method")
				.hasMessageContaining("quit of bean 'quitHandler'")
				.hasMessageContaining("SIGQUIT cannot be handled")
				.hasMessageContaining("INT, TERM, ABRT, HUP or USR1"));
	}

	@Test
	void invalidSignaturesFailAtStartAllAtOnce() {
		this.runner.withPropertyValues("daemoniker.pid-file=" + this.temp.resolve("app.pid"))
			.withUserConfiguration(BadSignatureConfiguration.class)
			.run((context) -> assertThat(context).getFailure()
				.hasMessageContaining("Invalid @OnSignal methods")
				.hasMessageContaining(
						"takesString of bean 'badSignatures': it takes a parameter of type java.lang.String")
				.hasMessageContaining("takesTwo of bean 'badSignatures': it takes 2 parameters")
				.hasMessageContaining("namesNothing of bean 'badSignatures': it names no signal")
				.hasMessageContaining(
						"wrongException of bean 'badSignatures': its parameter of type SIGUSR1 cannot hold SIGHUP")
				.hasMessageContaining("\"BOGUS\" is not a signal name"));
	}

	@Test
	void lazyInitializationDoesNotHideHandlers() {
		this.runner.withPropertyValues("daemoniker.pid-file=" + this.temp.resolve("app.pid"))
			.withBean(LazyInitializationBeanFactoryPostProcessor.class)
			.withUserConfiguration(HandlerConfiguration.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBeanFactory().containsSingleton("handlers")).isTrue();
				assertThat(context.getBeanFactory().containsSingleton("daemonikerSignalDispatchLifecycle")).isTrue();
			});
	}

	@Test
	void badValuesFailNamingTheProperty() {
		assertFailsOn("daemoniker.mode=sideways", "daemoniker.mode");
		assertFailsOn("daemoniker.shutdown-signals=TERM,QUIT", "daemoniker.shutdown-signals");
	}

	private void assertFailsOn(String property, String name) {
		this.runner.withPropertyValues("daemoniker.pid-file=app.pid", property).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(describeChain(context.getStartupFailure())).contains(name);
		});
	}

	@Test
	void shutdownSignalsCanBeNarrowed() {
		this.runner
			.withPropertyValues("daemoniker.pid-file=" + this.temp.resolve("app.pid"),
					"daemoniker.shutdown-signals=TERM")
			.run((context) -> assertThat(context.getBean(ManagedDaemon.class).handledSignals())
				.containsOnlyKeys("TERM"));
	}

	@Test
	void autoModeStaysInTheForegroundUnderSupervisors() {
		DaemonikerProperties properties = new DaemonikerProperties();
		assertThat(properties.getMode()).isEqualTo(RunMode.AUTO);
		assertThat(properties.getMode().resolve(Supervision.of(Map.of(), 4242))).isEqualTo(RunMode.DAEMON);
		assertThat(properties.getMode().resolve(Supervision.of(Map.of("INVOCATION_ID", "x"), 4242)))
			.isEqualTo(RunMode.FOREGROUND);
		assertThat(properties.getMode().resolve(Supervision.of(Map.of(), 1))).isEqualTo(RunMode.FOREGROUND);
	}

	private static String describeChain(Throwable failure) {
		StringBuilder text = new StringBuilder();
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			text.append(cause.getMessage()).append('\n');
		}
		return text.toString();
	}

	@Configuration(proxyBeanMethods = false)
	static class UserDaemonConfiguration {

		static final ManagedDaemon DAEMON = new ManagedDaemon() {

			@Override
			public long pid() {
				return 1;
			}

			@Override
			public Path pidFile() {
				return Path.of("/nonexistent.pid");
			}

			@Override
			public RunMode mode() {
				return RunMode.FOREGROUND;
			}

			@Override
			public Instant startTime() {
				return Instant.EPOCH;
			}

			@Override
			public Map<String, Long> handledSignals() {
				return Map.of();
			}

			@Override
			public void requestStop() {
			}

			@Override
			public void signal(String name) {
			}

		};

		@Bean
		ManagedDaemon userDaemon() {
			return DAEMON;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class HandlerConfiguration {

		@Bean
		Handlers handlers() {
			return new Handlers();
		}

	}

	static class Handlers {

		final List<String> received = new CopyOnWriteArrayList<>();

		@OnSignal("HUP")
		public void hup() {
			this.received.add("hup");
		}

		@OnSignal({ "SIGHUP", "usr1" })
		public void hupOrUsr1(int signum) {
			this.received.add("hup-or-usr1:" + signum);
		}

		@OnSignal(signals = "USR1")
		public void usr1(ReceivedSignal signal) {
			this.received.add((signal instanceof SIGUSR1) ? "usr1" : "wrong:" + signal);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ProxyingConfiguration {

		static final AtomicInteger intercepted = new AtomicInteger();

		@Bean
		static BeanPostProcessor proxyingPostProcessor() {
			return new BeanPostProcessor() {

				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					if (!(bean instanceof Handlers)) {
						return bean;
					}
					ProxyFactory factory = new ProxyFactory(bean);
					factory.setProxyTargetClass(true);
					factory.addAdvice((MethodInterceptor) (invocation) -> {
						intercepted.incrementAndGet();
						return invocation.proceed();
					});
					return factory.getProxy();
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ThrowingHandlerConfiguration {

		@Bean
		ThrowingHandler throwingHandler() {
			return new ThrowingHandler();
		}

	}

	static class ThrowingHandler {

		final AtomicInteger calls = new AtomicInteger();

		@OnSignal("USR1")
		void fail() {
			this.calls.incrementAndGet();
			throw new IllegalStateException("handler failure for the test");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class QuitHandlerConfiguration {

		@Bean
		QuitHandler quitHandler() {
			return new QuitHandler();
		}

	}

	static class QuitHandler {

		@OnSignal("QUIT")
		void quit() {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class BadSignatureConfiguration {

		@Bean
		BadSignatures badSignatures() {
			return new BadSignatures();
		}

	}

	static class BadSignatures {

		@OnSignal("HUP")
		void takesString(String text) {
		}

		@OnSignal("HUP")
		void takesTwo(int one, int two) {
		}

		@OnSignal
		void namesNothing() {
		}

		@OnSignal("HUP")
		void wrongException(SIGUSR1 signal) {
		}

		@OnSignal("BOGUS")
		void bogus() {
		}

	}

}
