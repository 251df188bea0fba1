/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.OptionalLong;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

import io.daemoniker.DaemonikerException;
import io.daemoniker.StartupException;
import org.jspecify.annotations.Nullable;

/**
 * Switches this process to another user and group, for a daemon started as root. The C
 * library's {@code setgroups}, {@code setgid} and {@code setuid} change every thread of
 * the process on glibc (it signals each thread to make the same call), which is what a
 * JVM with its many threads needs.
 */
public final class Privileges {

	private Privileges() {
	}

	/**
	 * Returns whether this process runs as root, from {@code /proc} on Linux so that no
	 * native code is loaded.
	 * @return {@code true} for effective user id 0
	 */
	public static boolean isRoot() {
		return effectiveUid() == 0;
	}

	/**
	 * Describes the user this process runs as, for messages.
	 * @return such as {@code "alice (uid 1000)"}
	 */
	public static String currentUser() {
		return System.getProperty("user.name", "?") + " (uid " + effectiveUid() + ")";
	}

	/**
	 * Returns this process's effective user ID: from {@code /proc} on Linux, so that no
	 * native code is loaded, else from the C library.
	 * @return the user ID
	 */
	public static long effectiveUid() {
		OptionalLong fromProc = DirectoryTrust.effectiveUid();
		if (fromProc.isPresent()) {
			return fromProc.getAsLong();
		}
		LibC.Users.require("tell which user this process runs as");
		return Integer.toUnsignedLong(LibC.Users.geteuid());
	}

	/**
	 * Refuses to go on unless this process runs as root.
	 * @param user the user option, or {@code null}
	 * @param group the group option, or {@code null}
	 * @throws StartupException if this process is not root
	 */
	public static void requireRoot(@Nullable String user, @Nullable String group) {
		if (isRoot()) {
			return;
		}
		String option = (user != null) ? "user \"" + user + "\"" : "group \"" + group + "\"";
		throw new StartupException("cannot run the daemon as " + option + ": this process runs as " + currentUser()
				+ ", and only root can switch users; start it as root, or drop the user and group options");
	}

	/**
	 * Looks up the user and group to switch to.
	 * @param user a user name or numeric id, or {@code null} to keep the user
	 * @param group a group name or numeric id, or {@code null} for the user's primary
	 * group
	 * @return the credentials
	 * @throws StartupException if the user or group does not exist
	 * @throws DaemonikerException if this system's C library cannot be bound
	 */
	public static Credentials resolve(@Nullable String user, @Nullable String group) {
		LibC.Users.require("look up the user and group to run the daemon as");
		String name = null;
		int uid = -1;
		int gid = -1;
		if (user != null) {
			Pointer passwd = isNumeric(user) ? LibC.Users.getpwuid(Integer.parseUnsignedInt(user))
					: LibC.Users.getpwnam(user);
			if (passwd == null) {
				if (!isNumeric(user)) {
					throw new StartupException("cannot run the daemon as user \"" + user + "\": no such user");
				}
				uid = Integer.parseUnsignedInt(user);
			}
			else {
				name = passwd.getPointer(0).getString(0);
				uid = passwd.getInt(2L * Native.POINTER_SIZE);
				gid = passwd.getInt(2L * Native.POINTER_SIZE + 4);
			}
		}
		if (group != null) {
			Pointer entry = isNumeric(group) ? LibC.Users.getgrgid(Integer.parseUnsignedInt(group))
					: LibC.Users.getgrnam(group);
			if (entry == null && !isNumeric(group)) {
				throw new StartupException("cannot run the daemon as group \"" + group + "\": no such group");
			}
			gid = (entry != null) ? entry.getInt(2L * Native.POINTER_SIZE) : Integer.parseUnsignedInt(group);
		}
		if (gid == -1) {
			throw new StartupException("cannot run the daemon as user \"" + user
					+ "\": it has no entry in the user database to take a group from; set the group option too");
		}
		return new Credentials(name, uid, gid, supplementaryGroups(name, gid));
	}

	private static int[] supplementaryGroups(@Nullable String name, int gid) {
		if (name == null) {
			return new int[] { gid };
		}
		int[] count = { 64 };
		int[] groups = new int[count[0]];
		while (LibC.Users.getgrouplist(name, gid, groups, count) < 0) {
			groups = new int[Math.max(count[0], groups.length * 2)];
			count[0] = groups.length;
		}
		return Arrays.copyOf(groups, count[0]);
	}

	private static boolean isNumeric(String value) {
		return !value.isEmpty() && value.chars().allMatch(Character::isDigit);
	}

	/**
	 * Switches the whole process to the credentials: supplementary groups, group, then
	 * user, so that nothing is left to regain root with. On Linux the process is made
	 * dumpable again afterwards (changing the user clears that flag), so that the new
	 * user can still attach {@code jcmd} and read its {@code /proc} entries; whether a
	 * crash writes a core dump is up to {@code RLIMIT_CORE}.
	 * @param credentials the credentials
	 * @throws StartupException if a switch fails
	 * @throws DaemonikerException if this system's C library cannot be bound
	 */
	public static void switchTo(Credentials credentials) {
		LibC.Users.require("switch the daemon to " + credentials);
		try {
			LibC.Users.setgroups(credentials.groups().length, credentials.groups());
			LibC.Users.setgid(credentials.gid());
			if (credentials.uid() != -1) {
				LibC.Users.setuid(credentials.uid());
			}
		}
		catch (LastErrorException ex) {
			throw new StartupException("cannot switch to " + credentials + ": " + LibC.describe(ex.getErrorCode()), ex);
		}
		if (OperatingSystem.current() == OperatingSystem.LINUX) {
			try {
				LibC.Linux.require("make the daemon dumpable again");
				LibC.Linux.prctl(LinuxConstants.PR_SET_DUMPABLE, 1, 0, 0, 0);
			}
			catch (LastErrorException | DaemonikerException ex) {
				// Only attaching tools suffer; the daemon runs all the same.
			}
		}
	}

	/**
	 * Tells whether a directory lets the credentials create and remove files in it,
	 * judged from its owner, group and mode as the kernel would (ACLs aside). Needed
	 * before switching: as root, every directory looks writable.
	 * @param directory the directory
	 * @param credentials the credentials
	 * @return {@code true} if writable and searchable for them
	 * @throws IOException if the directory cannot be inspected
	 */
	public static boolean canWriteIn(Path directory, Credentials credentials) throws IOException {
		int uid = (Integer) Files.getAttribute(directory, "unix:uid");
		int gid = (Integer) Files.getAttribute(directory, "unix:gid");
		int mode = (Integer) Files.getAttribute(directory, "unix:mode");
		if (credentials.uid() == 0 || (credentials.uid() == -1 && isRoot())) {
			return true;
		}
		if (uid == credentials.uid()) {
			return (mode & 0300) == 0300;
		}
		if (Arrays.stream(credentials.groups()).anyMatch((group) -> group == gid) || gid == credentials.gid()) {
			return (mode & 0030) == 0030;
		}
		return (mode & 0003) == 0003;
	}

	/**
	 * Gives a file to the credentials' user and group, without following a symbolic link.
	 * @param file the file
	 * @param credentials the credentials
	 * @throws IOException if the file cannot be changed
	 */
	public static void giveTo(Path file, Credentials credentials) throws IOException {
		if (credentials.uid() != -1) {
			Files.setAttribute(file, "unix:uid", credentials.uid(), LinkOption.NOFOLLOW_LINKS);
		}
		Files.setAttribute(file, "unix:gid", credentials.gid(), LinkOption.NOFOLLOW_LINKS);
	}

	/**
	 * A user and group to switch to.
	 *
	 * @param name the user's name, or {@code null} when only a numeric id was given
	 * @param uid the user id, or {@code -1} to keep the user
	 * @param gid the group id
	 * @param groups the supplementary groups
	 */
	public record Credentials(@Nullable String name, int uid, int gid, int[] groups) {

		@Override
		public String toString() {
			String user = (this.uid == -1) ? "the current user"
					: ((this.name != null) ? this.name + " " : "") + "(uid " + Integer.toUnsignedString(this.uid) + ")";
			return user + " with gid " + Integer.toUnsignedString(this.gid);
		}

	}

}
