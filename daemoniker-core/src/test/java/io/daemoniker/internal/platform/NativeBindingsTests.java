/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.platform;

import com.sun.security.auth.module.UnixSystem;

import io.daemoniker.DaemonikerException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Binding C functions that a system lacks, as {@code prctl} is missing on macOS: a clear
 * {@link DaemonikerException} when they are needed, never an {@link Error}, and the
 * portable bindings free of Linux-only functions.
 */
class NativeBindingsTests {

	@Test
	void aFunctionMissingFromTheCLibraryIsADaemonikerExceptionThatNamesIt() {
		assertThat(MissingFunction.FAILURE).isInstanceOf(UnsatisfiedLinkError.class);
		assertThatExceptionOfType(DaemonikerException.class)
			.isThrownBy(() -> NativeBindings.require(MissingFunction.FAILURE, "do the impossible"))
			.withMessageStartingWith("cannot do the impossible on " + System.getProperty("os.name"))
			.withMessageContaining("daemoniker_no_such_function");
		// The class itself stays usable: only calling the missing function would fail.
		assertThat(MissingFunction.answer()).isEqualTo(42);
	}

	@Test
	@EnabledOnOs({ OS.LINUX, OS.MAC })
	void thePortableBindingsBindOnLinuxAndMacOs() {
		assertThatNoException().isThrownBy(() -> OpsLibC.require("test"));
		// The JDK's own answer, from its own native code.
		assertThat(Integer.toUnsignedLong(OpsLibC.geteuid())).isEqualTo(new UnixSystem().getUid());
	}

	@Test
	@EnabledOnOs(OS.LINUX)
	void linuxOnlyFunctionsBindOnLinux() {
		assertThatNoException().isThrownBy(() -> LinuxLibC.require("test"));
		// PR_GET_DUMPABLE: 0 or 1 (2 with suid_dumpable), never an error.
		assertThat(LinuxLibC.prctl(3, 0, 0, 0, 0)).isBetween(0, 2);
	}

	@Test
	@EnabledOnOs(OS.MAC)
	void theOperationsFunctionsBindOnMacOs() {
		assertThatNoException().isThrownBy(() -> OpsLibC.require("test"));
		assertThat(Privileges.isRoot()).isEqualTo(OpsLibC.geteuid() == 0);
		assertThat(Privileges.currentUser()).contains("uid " + OpsLibC.geteuid());
	}

	/**
	 * A binding with a function that no C library has.
	 */
	static final class MissingFunction {

		static final @Nullable LinkageError FAILURE = NativeBindings.register(MissingFunction.class);

		private MissingFunction() {
		}

		static int answer() {
			return 42;
		}

		static native int daemoniker_no_such_function();

	}

}
