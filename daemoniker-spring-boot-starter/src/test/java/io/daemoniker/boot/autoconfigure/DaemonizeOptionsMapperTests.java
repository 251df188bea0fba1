/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.boot.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.daemoniker.DaemonizeOptions;
import io.daemoniker.RunMode;
import io.daemoniker.SIGUSR1;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The starter's properties reach the core's options, and what the core refuses is
 * reported under the property's name.
 */
class DaemonizeOptionsMapperTests {

	@Test
	void everyPropertyReachesTheCore() {
		DaemonikerProperties properties = new DaemonikerProperties();
		properties.setUmask("0077");
		properties.setStdout(Path.of("out.log"));
		properties.setStderr(Path.of("err.log"));
		properties.setStdin(Path.of("in.txt"));
		properties.setWorkingDirectory(Path.of("/srv"));
		properties.setStartupTimeout(Duration.ofSeconds(90));
		properties.setJvmOptions(List.of("-Xmx64m"));
		properties.setUser("nobody");
		properties.setGroup("nogroup");
		properties.setPreventCoreDumps(true);
		properties.setReopenStreamsOn("USR1");
		properties.getStartupCache().setEnabled(true);
		properties.getStartupCache().setDirectory(Path.of("cache"));
		DaemonizeOptions options = DaemonizeOptionsMapper.toOptions(properties, RunMode.DAEMON);
		assertThat(options.mode()).isEqualTo(RunMode.DAEMON);
		assertThat(options.umask()).isEqualTo(0077);
		assertThat(options.stdout()).isEqualTo(Path.of("out.log"));
		assertThat(options.stderr()).isEqualTo(Path.of("err.log"));
		assertThat(options.stdin()).isEqualTo(Path.of("in.txt"));
		assertThat(options.chdir()).isEqualTo(Path.of("/srv"));
		assertThat(options.successTimeout()).isEqualTo(Duration.ofSeconds(90));
		assertThat(options.jvmOptions()).containsExactly("-Xmx64m");
		assertThat(options.user()).isEqualTo("nobody");
		assertThat(options.group()).isEqualTo("nogroup");
		assertThat(options.preventCoreDumps()).isTrue();
		assertThat(options.reopenStreamsSignal()).hasValue(SIGUSR1.SIGNUM);
		assertThat(options.startupCache()).isTrue();
		assertThat(options.startupCacheDirectory()).isEqualTo(Path.of("cache"));
		assertThat(options.manualReadiness()).isTrue();
	}

	@Test
	void defaultsDifferFromTheCoresOnlyWhereDocumented() {
		DaemonizeOptions options = DaemonizeOptionsMapper.toOptions(new DaemonikerProperties(), RunMode.DAEMON);
		DaemonizeOptions core = DaemonizeOptions.defaults();
		assertThat(options.umask()).isEqualTo(core.umask());
		assertThat(options.reopenStreamsSignal()).isEqualTo(core.reopenStreamsSignal());
		assertThat(options.chdir()).isEqualTo(core.chdir());
		assertThat(options.stdout()).isEqualTo(core.stdout());
		assertThat(options.preventCoreDumps()).isEqualTo(core.preventCoreDumps());
		assertThat(options.startupCache()).isEqualTo(core.startupCache());
		// The one deliberate difference: the starter waits for the whole context.
		assertThat(options.successTimeout()).isEqualTo(Duration.ofSeconds(60))
			.isGreaterThan(DaemonizeOptions.DEFAULT_SUCCESS_TIMEOUT);
		// Readiness comes from the application context, not from daemonize returning.
		assertThat(options.manualReadiness()).isNotEqualTo(core.manualReadiness());
	}

	@Test
	void aCacheDirectoryWithoutTheCacheTurnedOnIsIgnored() {
		DaemonikerProperties properties = new DaemonikerProperties();
		properties.getStartupCache().setDirectory(Path.of("cache"));
		DaemonizeOptions options = DaemonizeOptionsMapper.toOptions(properties, RunMode.DAEMON);
		assertThat(options.startupCache()).isFalse();
		assertThat(options.startupCacheDirectory()).isNull();
	}

	@Test
	void whatTheCoreRefusesNamesTheProperty() {
		assertRefused((properties) -> properties.setUmask("1000"),
				"daemoniker.umask: umask must be between 0 and 0777");
		assertRefused((properties) -> properties.setUmask("8"), "daemoniker.umask \"8\" is not an octal");
		assertRefused((properties) -> properties.setUmask("-1"), "daemoniker.umask \"-1\" is not an octal");
		assertRefused((properties) -> properties.setStartupTimeout(Duration.ZERO),
				"daemoniker.startup-timeout: successTimeout must be positive");
		assertRefused((properties) -> properties.setStartupTimeout(Duration.ofSeconds(-5)),
				"daemoniker.startup-timeout: successTimeout must be positive");
		assertRefused((properties) -> properties.setJvmOptions(List.of("-Xmx1g", "Xmx1g")),
				"daemoniker.jvm-options: JVM option \"Xmx1g\" does not start with '-'");
		assertRefused((properties) -> properties.setUser(" "), "daemoniker.user: user must not be blank");
		assertRefused((properties) -> properties.setGroup(""), "daemoniker.group: group must not be blank");
		assertRefused((properties) -> properties.setReopenStreamsOn("TERM"),
				"daemoniker.reopen-streams-on: cannot reopen the standard streams on signal \"TERM\"");
		assertRefused((properties) -> properties.setShutdownSignals(List.of("TERM", "KILL")),
				"daemoniker.shutdown-signals: ");
		assertRefused((properties) -> properties.getSystemd().setExtendStartTimeout(Duration.ofMillis(10)),
				"daemoniker.systemd.extend-start-timeout \"PT0.01S\" is out of range");
	}

	private static void assertRefused(java.util.function.Consumer<DaemonikerProperties> setting, String message) {
		DaemonikerProperties properties = new DaemonikerProperties();
		setting.accept(properties);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DaemonizeOptionsMapper.toOptions(properties, RunMode.DAEMON))
			.withMessageStartingWith(message.substring(0, message.indexOf(' ')))
			.withMessageContaining(message)
			.withMessageNotContaining("\n");
	}

}
