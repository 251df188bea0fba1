/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import io.daemoniker.support.Daemons;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link CurrentProcess} gives what {@code getpid()} gives: in this JVM, in a child JVM,
 * and in a child JVM in a PID namespace of its own whose {@code /proc} is still the outer
 * one, where {@code /proc/self} names the outer ID and only the last {@code NSpid} entry
 * is right.
 */
@EnabledOnOs(OS.LINUX)
class CurrentProcessTests {

	@Test
	void isThisJvmsPid() {
		assertThat(CurrentProcess.pid()).isEqualTo(ProcessHandle.current().pid());
		assertThat(CurrentProcess.idInProc()).hasValue(ProcessHandle.current().pid());
		assertThat(CurrentProcess.procOfAnotherNamespace()).isEmpty();
	}

	@Test
	void isAChildJvmsOwnPid() throws Exception {
		Process child = start(Daemons.JAVA, "-cp", Daemons.CLASSPATH, "io.daemoniker.testapp.OwnPidApp");
		assertThat(output(child)).isEqualTo("core=" + child.pid() + " jdk=" + child.pid() + " proc=" + child.pid());
	}

	@Test
	void isTheIdInTheProcesssOwnPidNamespaceWhereProcIsTheOuterOne() throws Exception {
		// unshare --fork makes the JVM the first process of a new PID namespace, so its
		// own ID is 1, while /proc, not mounted again, shows it under its outer ID. The
		// user namespace lets a user without privileges make the PID namespace too.
		Process child = start("unshare", "--user", "--map-root-user", "--pid", "--fork", Daemons.JAVA, "-cp",
				Daemons.CLASSPATH, "io.daemoniker.testapp.OwnPidApp");
		// /proc shows the JVM under its outer ID: the one unshare's fork gave it, not 1.
		String out = output(child);
		assertThat(out).startsWith("core=1 jdk=1 proc=").doesNotEndWith("proc=1").doesNotEndWith("proc=-1");
	}

	private static Process start(String... command) throws IOException {
		return new ProcessBuilder(command).redirectErrorStream(true).start();
	}

	private static String output(Process child) throws Exception {
		try {
			String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
			assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
			assertThat(child.exitValue()).as(out).isZero();
			return out;
		}
		finally {
			child.destroyForcibly();
			child.waitFor();
		}
	}

}
