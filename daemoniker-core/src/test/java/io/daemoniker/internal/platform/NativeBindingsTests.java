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
		assertThatNoException().isThrownBy(() -> LibC.Users.require("test"));
		// The JDK's own answer, from its own native code.
		assertThat(Integer.toUnsignedLong(LibC.Users.geteuid())).isEqualTo(new UnixSystem().getUid());
	}

	@Test
	@EnabledOnOs(OS.LINUX)
	void linuxOnlyFunctionsBindOnLinux() {
		assertThatNoException().isThrownBy(() -> LibC.Linux.require("test"));
		// PR_GET_DUMPABLE: 0 or 1 (2 with suid_dumpable), never an error.
		assertThat(LibC.Linux.prctl(LinuxConstants.PR_GET_DUMPABLE, 0, 0, 0, 0)).isBetween(0, 2);
	}

	@Test
	@EnabledOnOs(OS.MAC)
	void theOperationsFunctionsBindOnMacOs() {
		assertThatNoException().isThrownBy(() -> LibC.Users.require("test"));
		assertThat(Privileges.isRoot()).isEqualTo(LibC.Users.geteuid() == 0);
		assertThat(Privileges.currentUser()).contains("uid " + LibC.Users.geteuid());
	}

	@Test
	@EnabledOnOs({ OS.LINUX, OS.MAC })
	void errorNumbersAreDescribedInTheCLibrarysOwnWords() {
		String text = LibC.strerror(UnixConstants.ENOENT);
		assertThat(text).isNotBlank();
		assertThat(LibC.describe(UnixConstants.ENOENT)).isEqualTo(
				Character.toLowerCase(text.charAt(0)) + text.substring(1) + " (errno " + UnixConstants.ENOENT + ")");
		// A number that no system uses still gets a description and its number.
		assertThat(LibC.describe(987654)).endsWith("(errno 987654)");
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
