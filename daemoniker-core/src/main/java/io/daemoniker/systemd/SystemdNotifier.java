/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.systemd;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.daemoniker.DaemonikerException;
import io.daemoniker.internal.platform.OperatingSystem;
import io.daemoniker.internal.platform.UnixDatagram;
import org.jspecify.annotations.Nullable;

/**
 * Tells systemd about the service's state through the notification protocol of
 * {@code sd_notify(3)}: {@code READY=1} when the service is ready ({@code Type=notify}),
 * {@code STOPPING=1} when it begins to shut down, {@code STATUS=} lines that
 * {@code systemctl status} shows, {@code MAINPID=} when the process that notifies is not
 * the service's main process, and {@code WATCHDOG=1} keep-alives (see
 * {@link SystemdWatchdog}).
 * <p>
 * systemd passes the socket in the environment variable {@code NOTIFY_SOCKET}, as a path
 * or, with a leading {@code @}, as a name in Linux's abstract socket namespace. Where the
 * variable is absent (not under systemd, or a unit type that does not ask for
 * notifications) {@link #fromEnvironment()} returns a notifier that does nothing and
 * loads no native code. Notifications are sent through JNA, because the JDK cannot open
 * Unix datagram sockets. Linux only: systemd exists nowhere else.
 * <p>
 * Thread-safe: each notification is one datagram from a fresh socket.
 *
 * <pre class="code">
 * SystemdNotifier systemd = SystemdNotifier.fromEnvironment();
 * startServer();
 * systemd.ready();
 * Runtime.getRuntime().addShutdownHook(new Thread(systemd::stopping));
 * </pre>
 */
public final class SystemdNotifier {

	/** The environment variable that holds systemd's notification socket. */
	public static final String NOTIFY_SOCKET = "NOTIFY_SOCKET";

	private static final SystemdNotifier DISABLED = new SystemdNotifier(null);

	private final @Nullable String address;

	private SystemdNotifier(@Nullable String address) {
		this.address = address;
	}

	/**
	 * Returns the notifier that the environment of this process asks for.
	 * @return a notifier for {@code $NOTIFY_SOCKET}, or one that does nothing when it is
	 * unset or empty, or this is not Linux
	 * @throws IllegalArgumentException if {@code NOTIFY_SOCKET} holds an address of a
	 * kind that is not supported (such as {@code vsock:})
	 */
	public static SystemdNotifier fromEnvironment() {
		return from(System.getenv());
	}

	/**
	 * Returns the notifier that an environment asks for: {@link #fromEnvironment()} for
	 * an environment given as a map.
	 * @param environment the environment variables
	 * @return a notifier for its {@code NOTIFY_SOCKET}, or one that does nothing
	 * @throws IllegalArgumentException if {@code NOTIFY_SOCKET} holds an address of a
	 * kind that is not supported
	 */
	public static SystemdNotifier from(Map<String, String> environment) {
		String address = environment.get(NOTIFY_SOCKET);
		if (address == null || address.isEmpty() || OperatingSystem.current() != OperatingSystem.LINUX) {
			return DISABLED;
		}
		return forSocket(address);
	}

	/**
	 * Returns a notifier for a given socket.
	 * @param address a socket path ({@code /run/systemd/notify}) or an abstract name
	 * ({@code @name})
	 * @return the notifier
	 * @throws IllegalArgumentException if the address is neither
	 */
	public static SystemdNotifier forSocket(String address) {
		Objects.requireNonNull(address, "address");
		if (!address.startsWith("/") && !(address.startsWith("@") && address.length() > 1)) {
			throw new IllegalArgumentException(NOTIFY_SOCKET + "=" + address
					+ " is not supported: Daemoniker sends to Unix socket paths (/...) and abstract names (@...) only");
		}
		return new SystemdNotifier(address);
	}

	/**
	 * Returns whether notifications are sent anywhere.
	 * @return {@code false} for the notifier that does nothing
	 */
	public boolean isEnabled() {
		return this.address != null;
	}

	/**
	 * Returns the socket notifications go to.
	 * @return the address as systemd gave it, or empty when disabled
	 */
	public Optional<String> socket() {
		return Optional.ofNullable(this.address);
	}

	/**
	 * Tells systemd that the service is ready: {@code READY=1}.
	 * @throws DaemonikerException if the notification cannot be sent
	 */
	public void ready() {
		notify("READY=1");
	}

	/**
	 * Tells systemd that the service is ready and that its main process is another one,
	 * as a launcher does for the daemon it started: {@code READY=1} and {@code MAINPID=}
	 * in one datagram, so that systemd learns both at once. The unit needs
	 * {@code NotifyAccess=all} to accept it from a process that is not the main one.
	 * @param mainPid the service's main process
	 * @throws DaemonikerException if the notification cannot be sent
	 */
	public void ready(long mainPid) {
		notify("READY=1", "MAINPID=" + checkedPid(mainPid));
	}

	/**
	 * Tells systemd that the service begins to shut down: {@code STOPPING=1}.
	 * @throws DaemonikerException if the notification cannot be sent
	 */
	public void stopping() {
		notify("STOPPING=1");
	}

	/**
	 * Tells systemd the service's status in words, shown by {@code systemctl status}:
	 * {@code STATUS=}. Line breaks become spaces, since a notification is one assignment
	 * per line.
	 * @param status the status
	 * @throws DaemonikerException if the notification cannot be sent
	 */
	public void status(String status) {
		notify("STATUS=" + status.replace('\n', ' ').replace('\r', ' '));
	}

	/**
	 * Tells systemd which process is the service's main process: {@code MAINPID=}.
	 * @param pid the main process
	 * @throws DaemonikerException if the notification cannot be sent
	 */
	public void mainPid(long pid) {
		notify("MAINPID=" + checkedPid(pid));
	}

	/**
	 * Tells systemd's watchdog that the service is alive: {@code WATCHDOG=1}.
	 * @throws DaemonikerException if the notification cannot be sent
	 */
	public void watchdog() {
		notify("WATCHDOG=1");
	}

	/**
	 * Sends assignments of {@code sd_notify(3)} in one datagram, one per line. Does
	 * nothing when disabled.
	 * @param assignments assignments such as {@code RELOADING=1}, without line breaks
	 * @throws IllegalArgumentException if an assignment is not {@code NAME=value} or
	 * holds a line break
	 * @throws DaemonikerException if the notification cannot be sent
	 */
	public void notify(String... assignments) {
		StringBuilder message = new StringBuilder();
		for (String assignment : assignments) {
			if (assignment.indexOf('=') <= 0 || assignment.indexOf('\n') >= 0) {
				throw new IllegalArgumentException("\"" + assignment
						+ "\" is not a notification assignment: use NAME=value on one line, such as READY=1");
			}
			message.append(assignment).append('\n');
		}
		if (this.address == null) {
			return;
		}
		try {
			UnixDatagram.send(this.address, message.toString().getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new DaemonikerException(
					"cannot notify systemd through " + NOTIFY_SOCKET + "=" + this.address + ": " + ex.getMessage(), ex);
		}
	}

	private static long checkedPid(long pid) {
		if (pid <= 0) {
			throw new IllegalArgumentException("PID must be positive, not " + pid);
		}
		return pid;
	}

	@Override
	public String toString() {
		return (this.address != null) ? "SystemdNotifier[" + this.address + "]" : "SystemdNotifier[disabled]";
	}

}
