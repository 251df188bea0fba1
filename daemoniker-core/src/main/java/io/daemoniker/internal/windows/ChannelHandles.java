/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.windows;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The two pipe handles that connect a starting daemon with its launcher on Windows, and
 * the option that names them on the daemon's command line. The daemon's standard handles
 * are its target files from the start (the JDK hands {@code FileDescriptor.out}, fixed at
 * start-up, to the children it starts with inherited streams), so the launch request and
 * the handshake travel on two more inherited handles: one the daemon reads the request
 * from, one it writes the handshake to. A handle keeps its value in the process that
 * inherits it, so the values on the command line are valid there.
 *
 * @param request the read end of the pipe that carries the launch request
 * @param handshake the write end of the pipe that carries the handshake
 */
record ChannelHandles(long request, long handshake) {

	/** The system property that names the handles in the daemon. */
	static final String PROPERTY = "daemoniker.windows.channel";

	private static final String OPTION_PREFIX = "-D" + PROPERTY + "=";

	/**
	 * Returns the daemon's command with the option naming these handles right after the
	 * program, and without any such option of an earlier launch (a daemon that starts a
	 * daemon in turn runs with one).
	 * @param command the daemon's command, program first
	 * @return the command with the option
	 */
	List<String> addTo(List<String> command) {
		List<String> result = new ArrayList<>();
		result.add(command.get(0));
		result.add(OPTION_PREFIX + this.request + "," + this.handshake);
		for (String arg : command.subList(1, command.size())) {
			if (!arg.startsWith(OPTION_PREFIX)) {
				result.add(arg);
			}
		}
		return result;
	}

	/**
	 * Reads the handles from the property's value.
	 * @param value the value, or {@code null} when the property is not set
	 * @return the handles, or empty if the value does not name two handles
	 */
	static Optional<ChannelHandles> parse(@Nullable String value) {
		if (value == null) {
			return Optional.empty();
		}
		int comma = value.indexOf(',');
		if (comma < 0) {
			return Optional.empty();
		}
		try {
			long request = Long.parseLong(value.substring(0, comma));
			long handshake = Long.parseLong(value.substring(comma + 1));
			return (request > 0 && handshake > 0 && request != handshake)
					? Optional.of(new ChannelHandles(request, handshake)) : Optional.empty();
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

}
