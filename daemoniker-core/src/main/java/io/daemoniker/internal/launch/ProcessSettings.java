/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.launch;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;

import io.daemoniker.StartupException;
import io.daemoniker.internal.platform.OperatingSystem;
import io.daemoniker.internal.platform.Privileges;
import io.daemoniker.internal.platform.Privileges.Credentials;
import io.daemoniker.internal.platform.ProcessLimits;
import org.jspecify.annotations.Nullable;

/**
 * What the daemon (or a process in the foreground) does to itself once it holds its PID
 * file: prevent core dumps, switch to another user, and which signal reopens its standard
 * streams.
 *
 * @param user user to switch to, or {@code null}
 * @param group group to switch to, or {@code null}
 * @param preventCoreDumps whether to set {@code RLIMIT_CORE} to zero
 * @param reopenSignal signal that reopens the standard streams, or 0 for none
 */
public record ProcessSettings(@Nullable String user, @Nullable String group, boolean preventCoreDumps,
		int reopenSignal) {

	/** Settings that change nothing. */
	public static final ProcessSettings NONE = new ProcessSettings(null, null, false, 0);

	/**
	 * Returns whether the user or group is to change.
	 * @return {@code true} if a user or group is set
	 */
	public boolean switchesUser() {
		return this.user != null || this.group != null;
	}

	/**
	 * Returns whether the intermediate shell may open the daemon's streams and take its
	 * PID file: not when the daemon switches users, which must happen before its log
	 * files are opened, nor when it prevents core dumps, which needs a native call
	 * anyway.
	 * @return {@code true} if these settings leave the daemon's user and limits alone
	 */
	public boolean preparableInShell() {
		return !switchesUser() && !this.preventCoreDumps;
	}

	/**
	 * Refuses early, in the launcher, what the daemon could not do.
	 * @throws StartupException if a user or group is set and this process is not root
	 */
	public void check() {
		if (switchesUser()) {
			if (!OperatingSystem.current().isUnix()) {
				throw new StartupException("the user and group options work on Unix only; on Windows, run the service"
						+ " under the account it should use");
			}
			Privileges.requireRoot(this.user, this.group);
		}
	}

	/**
	 * Applies the settings to this process, which holds its PID file: core dumps first,
	 * then the user. The PID file is given to the new user, and its directory must let
	 * the new user remove it, which is checked before anything changes.
	 * @param pidFile the PID file this process holds
	 * @throws StartupException if a setting cannot be applied
	 */
	public void apply(Path pidFile) {
		if (this.preventCoreDumps && OperatingSystem.current().isUnix()) {
			try {
				ProcessLimits.disableCoreDumps();
			}
			catch (IOException ex) {
				throw new StartupException("cannot prevent core dumps: " + ex.getMessage(), ex);
			}
		}
		if (!switchesUser()) {
			return;
		}
		check();
		Credentials credentials = Privileges.resolve(this.user, this.group);
		Path directory = pidFile.getParent();
		try {
			if (!Privileges.canWriteIn(directory, credentials)) {
				throw new StartupException(
						"cannot run the daemon as " + credentials + ": it could not remove its PID file " + pidFile
								+ " when it stops, because it cannot write in " + directory
								+ "; use a directory it owns, such as one made by systemd's RuntimeDirectory=");
			}
			Privileges.giveTo(pidFile, credentials);
		}
		catch (IOException ex) {
			throw new StartupException(
					"cannot give the PID file " + pidFile + " to " + credentials + ": " + ex.getMessage(), ex);
		}
		Privileges.switchTo(credentials);
	}

	void write(DataOutputStream out) throws IOException {
		writeNullable(out, this.user);
		writeNullable(out, this.group);
		out.writeBoolean(this.preventCoreDumps);
		out.writeInt(this.reopenSignal);
	}

	static ProcessSettings read(DataInputStream in) throws IOException {
		String user = readNullable(in);
		String group = readNullable(in);
		boolean preventCoreDumps = in.readBoolean();
		int reopenSignal = in.readInt();
		return new ProcessSettings(user, group, preventCoreDumps, reopenSignal);
	}

	private static void writeNullable(DataOutputStream out, @Nullable String value) throws IOException {
		out.writeBoolean(value != null);
		if (value != null) {
			out.writeUTF(value);
		}
	}

	private static @Nullable String readNullable(DataInputStream in) throws IOException {
		return in.readBoolean() ? in.readUTF() : null;
	}

}
