/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker;

import java.nio.file.Path;
import java.time.Duration;

import io.daemoniker.internal.launch.LaunchSpec;
import io.daemoniker.internal.launch.ProcessSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The translation of the public options into what the launch code reads: every option
 * reaches its own component, with values that no two options share, so that a swap of two
 * paths or two numbers shows.
 */
class LaunchSpecsTests {

	@Test
	void everyOptionReachesItsOwnComponent() {
		DaemonizeOptions options = DaemonizeOptions.builder()
			.chdir(Path.of("/srv/app"))
			.stdin(Path.of("in.txt"))
			.stdout(Path.of("out.log"))
			.stderr(Path.of("err.log"))
			.umask(027)
			.shieldedFds(7, 5)
			.fdFallbackLimit(4096)
			.successTimeout(Duration.ofSeconds(12))
			.stripCommandArguments(true)
			.jvmOptions("-Xmx64m")
			.manualReadiness(true)
			.user("app")
			.group("staff")
			.preventCoreDumps(true)
			.reopenStreamsOn("USR1")
			.startupCache(Path.of("cache"))
			.build();
		LaunchSpec spec = LaunchSpecs.of(options);
		assertThat(spec.chdir()).isEqualTo(Path.of("/srv/app"));
		assertThat(spec.stdin()).isEqualTo(Path.of("in.txt"));
		assertThat(spec.stdout()).isEqualTo(Path.of("out.log"));
		assertThat(spec.stderr()).isEqualTo(Path.of("err.log"));
		assertThat(spec.umask()).isEqualTo(027);
		assertThat(spec.shieldedFds()).containsExactly(5, 7);
		assertThat(spec.fdFallbackLimit()).isEqualTo(4096);
		assertThat(spec.successTimeout()).isEqualTo(Duration.ofSeconds(12));
		assertThat(spec.stripCommandArguments()).isTrue();
		assertThat(spec.jvmOptions()).containsExactly("-Xmx64m");
		assertThat(spec.manualReadiness()).isTrue();
		assertThat(spec.settings()).isEqualTo(new ProcessSettings("app", "staff", true, HandledSignal.USR1.signum()));
		assertThat(spec.startupCache()).isTrue();
		assertThat(spec.startupCacheDirectory()).isEqualTo(Path.of("cache"));
	}

	@Test
	void theDefaultsAskForNothingOfTheirOwn() {
		LaunchSpec spec = LaunchSpecs.of(DaemonizeOptions.defaults());
		assertThat(spec.chdir()).isNull();
		assertThat(spec.stdin()).isNull();
		assertThat(spec.stdout()).isNull();
		assertThat(spec.stderr()).isNull();
		assertThat(spec.shieldedFds()).isEmpty();
		assertThat(spec.successTimeout()).isEqualTo(DaemonizeOptions.DEFAULT_SUCCESS_TIMEOUT);
		assertThat(spec.settings().switchesUser()).isFalse();
		assertThat(spec.startupCache()).isFalse();
		assertThat(spec.startupCacheDirectory()).isNull();
	}

}
