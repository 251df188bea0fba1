/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.boot.autoconfigure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.CommandLinePropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher's reading of the command line, the system properties and the environment
 * variables without Spring's environment gives what Spring Boot's Binder gives on the
 * same sources, or nothing, so that Spring's environment reads them: checked against the
 * Binder itself, for every property of the starter in each form the reading takes, and
 * for the forms a careless or hostile caller may pass.
 */
class PlainSourcesTests {

	private static final ClassLoader CLASS_LOADER = PlainSourcesTests.class.getClassLoader();

	/** A plain value of each starter property, of the kind the property takes. */
	private static final Map<String, String> SAMPLES = Map.ofEntries(Map.entry("daemoniker.pid-file", "run/app.pid"),
			Map.entry("daemoniker.mode", "daemon"), Map.entry("daemoniker.stdout", "/var/log/app/out.log"),
			Map.entry("daemoniker.stderr", "err.log"), Map.entry("daemoniker.stdin", "/dev/null"),
			Map.entry("daemoniker.working-directory", "/srv/app"), Map.entry("daemoniker.umask", "027"),
			Map.entry("daemoniker.startup-timeout", "2m"), Map.entry("daemoniker.jvm-options", "-Xmx64m,-Dx=a=b"),
			Map.entry("daemoniker.shutdown-signals", "TERM,HUP"), Map.entry("daemoniker.user", "app"),
			Map.entry("daemoniker.group", "staff"), Map.entry("daemoniker.prevent-core-dumps", "true"),
			Map.entry("daemoniker.keep-alive", "false"), Map.entry("daemoniker.reopen-streams-on", "USR1"),
			Map.entry("daemoniker.systemd.extend-start-timeout", "45s"),
			Map.entry("daemoniker.systemd.watchdog.enabled", "false"),
			Map.entry("daemoniker.systemd.watchdog.health-group", "liveness"),
			Map.entry("daemoniker.startup-cache.enabled", "true"),
			Map.entry("daemoniker.startup-cache.directory", "cache"));

	@Test
	void everyStarterPropertyHasASample() {
		assertThat(SAMPLES.keySet()).containsExactlyInAnyOrderElementsOf(PlainBinding.STARTER_NAMES);
	}

	static Stream<Arguments> everyPropertyInEveryForm() {
		List<Arguments> cases = new ArrayList<>();
		for (String name : PlainBinding.STARTER_NAMES) {
			String value = SAMPLES.get(name);
			String variable = name.toUpperCase(Locale.ROOT).replace('.', '_');
			cases.add(Arguments.of(name, new Sources().argument("--" + name + "=" + value)));
			cases.add(Arguments.of(name, new Sources().property(name, value)));
			cases.add(Arguments.of(name, new Sources().variable(variable.replace("-", "_"), value)));
			cases.add(Arguments.of(name, new Sources().variable(variable.replace("-", ""), value)));
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0} from {1}")
	@MethodSource("everyPropertyInEveryForm")
	void readsEveryPropertyInEveryFormItTakesAsTheBinderDoes(String name, Sources sources) {
		if (!name.equals("daemoniker.pid-file")) {
			sources.argument("--daemoniker.pid-file=app.pid");
		}
		Map<String, String> read = sources.read();
		assertThat(read).as("read without Spring").isNotNull().containsKey(name);
		assertSameAsBinder(sources, read);
	}

	@Test
	void takesTheFirstSourceAsTheBinderDoes() {
		Sources sources = new Sources().argument("--daemoniker.pid-file=args.pid")
			.property("daemoniker.pid-file", "property.pid")
			.variable("DAEMONIKER_PID_FILE", "variable.pid")
			.property("daemoniker.stdout", "property.log")
			.variable("DAEMONIKER_STDOUT", "variable.log")
			.variable("DAEMONIKER_STDERR", "variable.err");
		Map<String, String> read = sources.read();
		assertThat(read).containsEntry("daemoniker.pid-file", "args.pid")
			.containsEntry("daemoniker.stdout", "property.log")
			.containsEntry("daemoniker.stderr", "variable.err");
		assertSameAsBinder(sources, read);
	}

	@Test
	void readsNothingOfTheStartersWhenNoSourceNamesIt() {
		Sources sources = new Sources().argument("--server.port=0")
			.argument("plain")
			.argument("-x")
			.property("java.home", "/opt/java")
			.property("logging.level.root", "info")
			.variable("PATH", "/usr/bin")
			.variable("HOME", "/root");
		assertThat(sources.read()).isEmpty();
	}

	@Test
	void leavesTheCoresOwnPropertiesOfADaemonOut() {
		Sources sources = new Sources().argument("--daemoniker.pid-file=app.pid")
			.property("daemoniker.daemon", "token")
			.property(LauncherConfigLocations.LAUNCH_DIRECTORY_PROPERTY, "/srv")
			.property("daemoniker.jna.cache", "/tmp/jna")
			.variable("DAEMONIKER_START", "/tmp/daemoniker-start.x");
		assertThat(sources.read()).containsOnlyKeys("daemoniker.pid-file");
	}

	@ParameterizedTest
	@ValueSource(strings = { "--daemoniker.pidFile=x.pid", "--daemoniker.PID-FILE=x.pid", "--Daemoniker.pid-file=x.pid",
			"--daemoniker.pid_file=x.pid", "--daemoniker.pid-file", "--daemoniker.pid-file=other.pid",
			"--daemoniker.jvm-options[0]=-Xmx1g", "--daemoniker.systemd=x", "--daemoniker.pidfile-typo=x", "--", "--=x",
			"--spring.profiles.active=prod", "--spring.config.location=/etc/app/",
			"--spring.config.import=optional:file:x.properties", "--spring.application.json={}",
			"--SPRING_PROFILES_ACTIVE=prod" })
	void leavesToSpringAnArgumentItCannotReadAsSpringDoes(String argument) {
		assertThat(new Sources().argument("--daemoniker.pid-file=app.pid").argument(argument).read()).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "daemoniker.pidFile", "daemoniker.pid_file", "DAEMONIKER_PID_FILE", "daemoniker.PID-FILE",
			"daemoniker.jvm-options[0]", "daemoniker", "spring.profiles.active", "spring.config.additional-location",
			"spring.application.json", "spring.getenv.ignore" })
	void leavesToSpringASystemPropertyItCannotReadAsSpringDoes(String name) {
		assertThat(new Sources().argument("--daemoniker.pid-file=app.pid").property(name, "x").read()).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "daemoniker_pid_file", "DAEMONIKER_PID-FILE", "daemoniker.pid-file",
			"DAEMONIKER_PIDFILE_0", "DAEMONIKER_JVMOPTIONS_0", "DAEMONIKER_JVM_OPTIONS_0", "DAEMONIKER_SYSTEMD",
			"DAEMONIKER", "DAEMONIKERPIDFILE", "SPRING_PROFILES_ACTIVE", "SPRING_CONFIG_LOCATION",
			"SPRING_APPLICATION_JSON", "spring_profiles_active" })
	void leavesToSpringAnEnvironmentVariableItCannotReadAsSpringDoes(String variable) {
		assertThat(new Sources().argument("--daemoniker.pid-file=app.pid").variable(variable, "x").read()).isNull();
	}

	@Test
	void leavesToSpringTwoVariablesForOneProperty() {
		assertThat(
				new Sources().variable("DAEMONIKER_PID_FILE", "a.pid").variable("DAEMONIKER_PIDFILE", "b.pid").read())
			.isNull();
	}

	@Test
	void leavesToSpringASystemPropertyThatIsNotAString() {
		Sources sources = new Sources().argument("--daemoniker.pid-file=app.pid");
		sources.properties.put("daemoniker.stdout", new StringBuilder("out.log"));
		assertThat(sources.read()).isNull();
	}

	@Test
	void leavesToSpringAnEnvironmentThatSpringIgnores() {
		Sources sources = new Sources().variable("DAEMONIKER_PID_FILE", "app.pid");
		assertThat(PlainSources.read(sources.args(), sources.properties, sources.variables, "true")).isNull();
	}

	/**
	 * What the reading took, converted as the launcher converts it, is what the Binder
	 * binds from the same sources, with Spring Boot's relaxed names.
	 */
	private static void assertSameAsBinder(Sources sources, Map<String, String> read) {
		Optional<DaemonikerProperties> converted = PlainBinding.read(read, CLASS_LOADER);
		assertThat(converted).as("converted").isPresent();
		DaemonikerProperties bound = Binder.get(sources.environment())
			.bindOrCreate("daemoniker", DaemonikerProperties.class);
		assertThat(LaunchSettings.differences(converted.get(), bound)).isEmpty();
		assertThat(daemonOnly(converted.get())).isEqualTo(daemonOnly(bound));
	}

	private static List<Object> daemonOnly(DaemonikerProperties properties) {
		return List.of(List.copyOf(properties.getShutdownSignals()), properties.isKeepAlive(),
				String.valueOf(properties.getSystemd().getExtendStartTimeout()),
				properties.getSystemd().getWatchdog().isEnabled(),
				String.valueOf(properties.getSystemd().getWatchdog().getHealthGroup()));
	}

	/**
	 * The three sources of one test, given to the reading and to a Spring environment
	 * alike.
	 */
	static final class Sources {

		private final List<String> arguments = new ArrayList<>();

		private final Properties properties = new Properties();

		private final Map<String, String> variables = new HashMap<>();

		Sources argument(String argument) {
			this.arguments.add(argument);
			return this;
		}

		Sources property(String name, String value) {
			this.properties.setProperty(name, value);
			return this;
		}

		Sources variable(String name, String value) {
			this.variables.put(name, value);
			return this;
		}

		String[] args() {
			return this.arguments.toArray(String[]::new);
		}

		Map<String, String> read() {
			return PlainSources.read(args(), this.properties, this.variables, null);
		}

		ConfigurableEnvironment environment() {
			ConfigurableEnvironment environment = StartingEnvironment.of(new String[0]);
			environment.getPropertySources()
				.replace(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME, new PropertiesPropertySource(
						StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME, this.properties));
			environment.getPropertySources()
				.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
						new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
								new HashMap<>(this.variables)));
			if (!this.arguments.isEmpty()) {
				environment.getPropertySources()
					.addFirst(new SimpleCommandLinePropertySource(
							CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME, args()));
			}
			return environment;
		}

		@Override
		public String toString() {
			return "arguments " + this.arguments + ", properties " + this.properties + ", variables " + this.variables;
		}

	}

}
