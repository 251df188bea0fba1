/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.launch.spawn;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import io.daemoniker.StartupException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link DaemonSpawner.Spec}.
 */
class DaemonSpawnerSpecTests {

	@Test
	void standardInputIsHandedOnThroughTheLowestDescriptorThatIsNotShielded() {
		assertThat(spec(Set.of()).spareFd()).isEqualTo(3);
		assertThat(spec(Set.of(3, 4, 6)).spareFd()).isEqualTo(5);
		assertThat(spec(Set.of(3, 4, 6)).shellArguments()).containsSequence("PFX", "5", "java", "Main");
	}

	@Test
	void shieldingEveryDescriptorAShellCanNameIsRefused() {
		assertThatExceptionOfType(StartupException.class).isThrownBy(() -> spec(Set.of(3, 4, 5, 6, 7, 8, 9)).spareFd())
			.withMessageContaining("3 to 9");
	}

	private static DaemonSpawner.Spec spec(Set<Integer> shielded) {
		return new DaemonSpawner.Spec(Path.of("/"), 027, List.of("java", "Main"), shielded, 1024, "PFX");
	}

}
