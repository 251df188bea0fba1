/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.launch;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UTFDataFormatException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What the launcher tells the daemon on its standard input: the paths it resolved against
 * its own working directory (the daemon runs in another one), whether the daemon confirms
 * start-up itself later, and the arguments to hand back from {@code daemonize}.
 *
 * @param pidFile absolute path of the PID file
 * @param stdin absolute path standard input reads from
 * @param stdout absolute path standard output is appended to
 * @param stderr absolute path standard error is appended to
 * @param manualReadiness whether the daemon confirms start-up later, on its own
 * @param args the arguments passed across
 * @param settings what the daemon does to itself once it holds its PID file
 */
public record LaunchRequest(Path pidFile, Path stdin, Path stdout, Path stderr, boolean manualReadiness,
		List<@Nullable Object> args, ProcessSettings settings) {

	private static final int VERSION = 2;

	/**
	 * Creates a request whose daemon changes nothing about itself.
	 * @param pidFile absolute path of the PID file
	 * @param stdin absolute path standard input reads from
	 * @param stdout absolute path standard output is appended to
	 * @param stderr absolute path standard error is appended to
	 * @param manualReadiness whether the daemon confirms start-up later, on its own
	 * @param args the arguments passed across
	 */
	public LaunchRequest(Path pidFile, Path stdin, Path stdout, Path stderr, boolean manualReadiness,
			List<@Nullable Object> args) {
		this(pidFile, stdin, stdout, stderr, manualReadiness, args, ProcessSettings.NONE);
	}

	/**
	 * Returns the stream targets by stream name.
	 * @return {@code stdin}, {@code stdout} and {@code stderr} with their files
	 */
	public Map<String, Path> streams() {
		Map<String, Path> streams = new LinkedHashMap<>();
		streams.put("stdin", this.stdin);
		streams.put("stdout", this.stdout);
		streams.put("stderr", this.stderr);
		return streams;
	}

	/**
	 * Encodes the request, as the daemon reads it on its standard input.
	 * @return the bytes
	 * @throws IllegalArgumentException if the request is too large to pass
	 */
	public byte[] encode() {
		try {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			DataOutputStream out = new DataOutputStream(bytes);
			out.writeInt(VERSION);
			out.writeUTF(this.pidFile.toString());
			out.writeUTF(this.stdin.toString());
			out.writeUTF(this.stdout.toString());
			out.writeUTF(this.stderr.toString());
			out.writeBoolean(this.manualReadiness);
			this.settings.write(out);
			out.writeInt(this.args.size());
			for (Object arg : this.args) {
				ArgsCodec.write(out, arg);
			}
			out.flush();
			if (bytes.size() > ArgsCodec.MAX_LENGTH) {
				throw new IllegalArgumentException("the arguments take " + bytes.size()
						+ " bytes once encoded, more than the " + ArgsCodec.MAX_LENGTH
						+ " that can be passed to the daemon; pass a path to a file the daemon reads");
			}
			return bytes.toByteArray();
		}
		catch (UTFDataFormatException ex) {
			throw new IllegalArgumentException("a path is too long to pass to the daemon: " + ex.getMessage(), ex);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static LaunchRequest decode(InputStream input) throws IOException {
		DataInputStream in = new DataInputStream(input);
		int version = in.readInt();
		if (version != VERSION) {
			throw new IOException("launch request of unknown version " + version
					+ "; the launcher and the daemon must use the same Daemoniker");
		}
		Path pidFile = Path.of(in.readUTF());
		Path stdin = Path.of(in.readUTF());
		Path stdout = Path.of(in.readUTF());
		Path stderr = Path.of(in.readUTF());
		boolean manualReadiness = in.readBoolean();
		ProcessSettings settings = ProcessSettings.read(in);
		int count = in.readInt();
		if (count < 0 || count > ArgsCodec.MAX_ARGUMENTS) {
			throw new IOException("invalid argument count " + count);
		}
		List<@Nullable Object> args = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			args.add(ArgsCodec.read(in));
		}
		return new LaunchRequest(pidFile, stdin, stdout, stderr, manualReadiness, Collections.unmodifiableList(args),
				settings);
	}

}
