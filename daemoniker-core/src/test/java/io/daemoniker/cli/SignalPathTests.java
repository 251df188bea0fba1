/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which errors the signalling commands report as JNA's, with "nothing sent": only those
 * of JNA's load and of the C library's binding, never another class that failed to load
 * after a signal went out.
 */
class SignalPathTests {

	@Test
	void jnasLoadAndTheCLibrarysBindingAreJnasFailures() {
		assertThat(SignalPath.isJnaFailure(new UnsatisfiedLinkError("Could not find JNA native support"))).isTrue();
		assertThat(SignalPath.isJnaFailure(new NoClassDefFoundError("Could not initialize class com.sun.jna.Native")))
			.isTrue();
		assertThat(SignalPath.isJnaFailure(new NoClassDefFoundError("com/sun/jna/Native"))).isTrue();
		assertThat(SignalPath
			.isJnaFailure(new NoClassDefFoundError("Could not initialize class io.daemoniker.internal.platform.LibC")))
			.isTrue();
	}

	@Test
	void anyOtherClassThatFailsToLoadIsNot() {
		assertThat(SignalPath.isJnaFailure(new NoClassDefFoundError("io/daemoniker/cli/StopCommand$Outcome")))
			.isFalse();
		assertThat(SignalPath.isJnaFailure(new NoClassDefFoundError("io/daemoniker/internal/platform/LibCache")))
			.isFalse();
		assertThat(SignalPath.isJnaFailure(new NoClassDefFoundError())).isFalse();
	}

}
