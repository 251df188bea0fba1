/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.boot.actuate;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import io.daemoniker.HandledSignal;
import io.daemoniker.boot.ManagedDaemon;

import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The {@code daemoniker} endpoint: reads the PID, PID file, mode, start time, uptime and
 * the handled signals with their counts; a write to the endpoint itself shuts the
 * application down gracefully, answering first, as {@code ShutdownEndpoint} does;
 * {@code signal/{name}} sends a signal to the application. Off unless access is granted,
 * for example with {@code management.endpoint.daemoniker.access=unrestricted}.
 */
@Endpoint(id = "daemoniker", defaultAccess = Access.NONE)
public class DaemonikerEndpoint {

	private final ManagedDaemon daemon;

	/**
	 * Creates the endpoint.
	 * @param daemon the managed application
	 */
	public DaemonikerEndpoint(ManagedDaemon daemon) {
		this.daemon = daemon;
	}

	/**
	 * Describes the running application.
	 * @return the description
	 */
	@ReadOperation
	public DaemonDescriptor daemon() {
		Instant start = this.daemon.startTime();
		Duration uptime = Duration.between(start, Instant.now()).withNanos(0);
		return new DaemonDescriptor(this.daemon.pid(), this.daemon.pidFile().toString(),
				this.daemon.mode().name().toLowerCase(Locale.ROOT), start.toString(), uptime.toString(),
				this.daemon.handledSignals());
	}

	/**
	 * Stops the application gracefully, shortly after answering, as
	 * {@code ShutdownEndpoint} does: {@code POST} to the endpoint itself. The stop runs
	 * on the starter's one shutdown thread, which waits a moment first so that this
	 * answer can leave.
	 * @return a message
	 */
	@WriteOperation
	public MessageDescriptor stop() {
		this.daemon.requestStop();
		return new MessageDescriptor("Stopping pid " + this.daemon.pid() + ", bye...");
	}

	/**
	 * Sends a signal to the application: {@code POST signal/HUP}.
	 * @param resource {@code signal}
	 * @param name the signal: {@code INT}, {@code TERM}, {@code ABRT}, {@code HUP} or
	 * {@code USR1}
	 * @return a message
	 * @throws InvalidEndpointRequestException if the resource is not {@code signal} or
	 * the signal is not one of these
	 */
	@WriteOperation
	public MessageDescriptor signal(@Selector String resource, @Selector String name) {
		if (!"signal".equals(resource)) {
			throw new InvalidEndpointRequestException(
					"unknown resource \"" + resource + "\"; POST to the endpoint itself stops, signal/{name} signals",
					"unknown resource");
		}
		try {
			this.daemon.signal(name);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidEndpointRequestException(ex.getMessage(), "unsupported signal");
		}
		return new MessageDescriptor("Sent " + HandledSignal.named(name).signalName() + " to pid " + this.daemon.pid());
	}

	/**
	 * What the endpoint reads.
	 *
	 * @param pid the PID
	 * @param pidFile the PID file's absolute path
	 * @param mode {@code daemon} or {@code foreground}
	 * @param startTime when the process started, as an ISO-8601 instant
	 * @param uptime how long it has run, as an ISO-8601 duration
	 * @param signals the handled signals with how often each arrived
	 */
	public record DaemonDescriptor(long pid, String pidFile, String mode, String startTime, String uptime,
			Map<String, Long> signals) implements OperationResponseBody {

	}

	/**
	 * What a write operation answers.
	 *
	 * @param message what happens
	 */
	public record MessageDescriptor(String message) implements OperationResponseBody {

	}

}
