/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.boot.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.daemoniker.RunMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher's reading of the early properties without the Binder gives what the Binder
 * gives, or nothing, so that the Binder judges: checked against the Binder itself on the
 * same sources, for plain values and for values a careless or hostile caller may pass.
 */
class PlainBindingTests {

	private static final ClassLoader CLASS_LOADER = PlainBindingTests.class.getClassLoader();

	@Test
	void readsEveryPropertyGivenPlainlyAsTheBinderDoes() {
		ConfigurableEnvironment environment = StartingEnvironment.of(new String[] { "--daemoniker.pid-file=run/app.pid",
				"--daemoniker.mode=Daemon", "--daemoniker.stdout=/var/log/app/out.log", "--daemoniker.stderr=err.log",
				"--daemoniker.stdin=/dev/null", "--daemoniker.working-directory=/srv/app", "--daemoniker.umask=077",
				"--daemoniker.startup-timeout=2m", "--daemoniker.jvm-options=-Xmx512m,-XX:+UseSerialGC",
				"--daemoniker.shutdown-signals=TERM", "--daemoniker.user=app", "--daemoniker.group=staff",
				"--daemoniker.prevent-core-dumps=TRUE", "--daemoniker.keep-alive=false",
				"--daemoniker.reopen-streams-on=USR1", "--daemoniker.systemd.extend-start-timeout=PT45S",
				"--daemoniker.systemd.watchdog.enabled=false", "--daemoniker.systemd.watchdog.health-group=liveness",
				"--daemoniker.startup-cache.enabled=true", "--daemoniker.startup-cache.directory=cache" });
		Optional<DaemonikerProperties> read = PlainBinding.read(environment, CLASS_LOADER);
		assertThat(read).isPresent();
		assertSameAsBinder(read.get(), bound(environment));
		assertThat(read.get().getStartupTimeout()).isEqualTo(Duration.ofMinutes(2));
		assertThat(read.get().getJvmOptions()).containsExactly("-Xmx512m", "-XX:+UseSerialGC");
		assertThat(read.get().getMode()).isEqualTo(RunMode.DAEMON);
	}

	@Test
	void readsRelaxedNamesOfEnvironmentVariablesAndSystemProperties() {
		ConfigurableEnvironment environment = StartingEnvironment.of(new String[0]);
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
							Map.of("DAEMONIKER_PID_FILE", "env.pid", "DAEMONIKER_JVMOPTIONS", "-Xmx1g",
									"DAEMONIKER_STARTUPCACHE_ENABLED", "true", "DAEMONIKER_STARTUP_TIMEOUT", "90s")));
		Optional<DaemonikerProperties> read = PlainBinding.read(environment, CLASS_LOADER);
		assertThat(read).isPresent();
		assertThat(read.get().getPidFile()).isEqualTo(Path.of("env.pid"));
		assertSameAsBinder(read.get(), bound(environment));
	}

	@Test
	void leavesIndexedEnvironmentVariablesToTheBinder() {
		ConfigurableEnvironment environment = StartingEnvironment.of(new String[] { "--daemoniker.pid-file=app.pid" });
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
							Map.of("DAEMONIKER_JVMOPTIONS_0", "-Xmx1g")));
		assertThat(PlainBinding.read(environment, CLASS_LOADER)).isEmpty();
		assertThat(bound(environment).getJvmOptions()).containsExactly("-Xmx1g");
	}

	@Test
	void aDaemonReadsAsItsLauncherDespiteTheCoresSystemProperties() {
		ConfigurableEnvironment environment = StartingEnvironment.of(new String[] { "--daemoniker.pid-file=app.pid" });
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
					new MapPropertySource(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
							Map.of("daemoniker.daemon", "token", "daemoniker.launch-directory", "/srv")));
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
							Map.of("DAEMONIKER_START", "/tmp/daemoniker-start.x")));
		assertThat(PlainBinding.read(environment, CLASS_LOADER)).isPresent();
	}

	@Test
	void theFirstSourceWinsAsInTheBinder() {
		ConfigurableEnvironment environment = StartingEnvironment.of(new String[] { "--daemoniker.pid-file=args.pid" });
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
							Map.of("DAEMONIKER_PID_FILE", "env.pid")));
		assertThat(PlainBinding.read(environment, CLASS_LOADER).orElseThrow().getPidFile())
			.isEqualTo(Path.of("args.pid"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "--daemoniker.startup-timeout=soon", "--daemoniker.startup-timeout=", "--daemoniker.mode=",
			"--daemoniker.mode=fore-ground", "--daemoniker.mode=dæmon", "--daemoniker.keep-alive=yes",
			"--daemoniker.keep-alive=1", "--daemoniker.prevent-core-dumps= true", "--daemoniker.jvm-options=-Xmx1g,",
			"--daemoniker.jvm-options=-Xmx1g, -Xss1m", "--daemoniker.jvm-options[0]=-Xmx1g",
			"--daemoniker.jvm-options=${JAVA_OPTS}", "--daemoniker.stdout=${user.home}/out.log",
			"--daemoniker.stdout=file:/tmp/out.log", "--daemoniker.stdout=classpath:out.log",
			"--daemoniker.stdout=C:\\out.log", "--daemoniker.stdout=out log", "--daemoniker.stdout=",
			"--daemoniker.stdout=/", "--daemoniker.working-directory=.",
			"--daemoniker.stdout=io/daemoniker/boot/autoconfigure/PlainBindingTests.class",
			"--daemoniker.stdout=/io/daemoniker/boot/autoconfigure/PlainBindingTests.class",
			"--daemoniker.pidfile-typo=x", "--daemoniker.startup-cache=true", "--daemoniker.user= root",
			"--daemoniker.pid-file=other.pid" })
	void leavesToTheBinderWhatIsNotPlain(String argument) {
		ConfigurableEnvironment environment = StartingEnvironment
			.of(new String[] { "--daemoniker.pid-file=app.pid", argument });
		assertThat(PlainBinding.read(environment, CLASS_LOADER)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "--daemoniker.stdout=a/../b.log", "--daemoniker.stdout=./out.log",
			"--daemoniker.stdout=//tmp//out.log", "--daemoniker.stdout=~/out.log", "--daemoniker.stdout=-",
			"--daemoniker.startup-timeout=1500", "--daemoniker.startup-timeout=0", "--daemoniker.startup-timeout=1d",
			"--daemoniker.umask=999", "--daemoniker.umask=0x1f", "--daemoniker.jvm-options=-Dx=a=b",
			"--daemoniker.shutdown-signals=TERM,INT,HUP", "--daemoniker.mode=FOREGROUND", "--daemoniker.mode=auto",
			"--daemoniker.stdin=/tmp/../tmp/in", "--daemoniker.systemd.extend-start-timeout=-1s",
			"--daemoniker.reopen-streams-on=none" })
	void whatItReadsIsWhatTheBinderBinds(String argument) {
		ConfigurableEnvironment environment = StartingEnvironment
			.of(new String[] { "--daemoniker.pid-file=app.pid", argument });
		Optional<DaemonikerProperties> read = PlainBinding.read(environment, CLASS_LOADER);
		assertThat(read).isPresent();
		assertSameAsBinder(read.get(), bound(environment));
	}

	private static DaemonikerProperties bound(ConfigurableEnvironment environment) {
		return Binder.get(environment).bindOrCreate("daemoniker", DaemonikerProperties.class);
	}

	/**
	 * The two readings agree on every property the launcher acts on, which
	 * {@link LaunchSettings} compares, and on the daemon's own.
	 */
	private static void assertSameAsBinder(DaemonikerProperties read, DaemonikerProperties bound) {
		assertThat(LaunchSettings.differences(read, bound)).isEmpty();
		assertThat(daemonOnly(read)).isEqualTo(daemonOnly(bound));
	}

	private static List<Object> daemonOnly(DaemonikerProperties properties) {
		return List.of(List.copyOf(properties.getShutdownSignals()), properties.isKeepAlive(),
				properties.getSystemd().getExtendStartTimeout(), properties.getSystemd().getWatchdog().isEnabled(),
				String.valueOf(properties.getSystemd().getWatchdog().getHealthGroup()));
	}

}
