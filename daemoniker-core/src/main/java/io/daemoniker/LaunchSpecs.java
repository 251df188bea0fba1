/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker;

import io.daemoniker.internal.launch.LaunchSpec;
import io.daemoniker.internal.launch.ProcessSettings;

/**
 * The one translation of the public {@link DaemonizeOptions} into the internal
 * {@link LaunchSpec}, made once per start by {@link Daemoniker#start}: the internal code
 * never sees the public options, so that either can change without the other.
 */
final class LaunchSpecs {

	private LaunchSpecs() {
	}

	/**
	 * Returns what the options ask a start for.
	 * @param options the options, which have checked their values
	 * @return the spec
	 */
	static LaunchSpec of(DaemonizeOptions options) {
		ProcessSettings settings = new ProcessSettings(options.user(), options.group(), options.preventCoreDumps(),
				options.reopenStreamsSignal().orElse(0));
		return new LaunchSpec(options.chdir(), options.stdin(), options.stdout(), options.stderr(), options.umask(),
				options.shieldedFds(), options.fdFallbackLimit(), options.successTimeout(),
				options.stripCommandArguments(), options.jvmOptions(), options.manualReadiness(), settings,
				options.startupCache(), options.startupCacheDirectory());
	}

}
