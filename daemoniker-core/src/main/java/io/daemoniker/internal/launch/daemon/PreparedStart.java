/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.launch.daemon;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.OptionalLong;

import io.daemoniker.internal.launch.ArgsCodec;
import io.daemoniker.internal.launch.StartDirectory;
import io.daemoniker.internal.platform.DirectoryTrust;
import io.daemoniker.internal.platform.FileKind;
import io.daemoniker.internal.platform.FileStat;
import io.daemoniker.internal.platform.Platform.StatusChannel;
import org.jspecify.annotations.Nullable;

/**
 * The daemon's view of a start that went through a {@link StartDirectory}: where its
 * request is, whether the intermediate shell already took the PID file and opened the
 * standard streams ({@link io.daemoniker.internal.launch.spawn.ShellStart}), and the FIFO
 * through which it confirms. Told by the environment variable {@value #VARIABLE}, which
 * the daemon believes only when it names the token of its own start: programs that the
 * daemon starts inherit the variable, and must not take it for theirs.
 *
 * @param prepared whether the shell locked the PID file and opened the streams
 * @param created whether the shell created the PID file
 * @param directory the private directory of the start
 */
record PreparedStart(boolean prepared, boolean created, Path directory) {

	/**
	 * The environment variable: token, {@code prepared} or {@code classic}, 1 or 0,
	 * directory.
	 */
	static final String VARIABLE = "DAEMONIKER_START";

	/**
	 * Returns the start that the environment describes for this token.
	 * @param token the token of this daemon's start
	 * @return the start, or {@code null} when the launcher sent the request on standard
	 * input
	 */
	static @Nullable PreparedStart fromEnvironment(@Nullable String token) {
		return parse(System.getenv(VARIABLE), token);
	}

	static @Nullable PreparedStart parse(@Nullable String value, @Nullable String token) {
		if (value == null || token == null) {
			return null;
		}
		String[] fields = value.split(" ", 4);
		if (fields.length != 4 || !fields[0].equals(token) || !fields[3].startsWith("/")) {
			return null;
		}
		return new PreparedStart("prepared".equals(fields[1]), "1".equals(fields[2]), Path.of(fields[3]));
	}

	/**
	 * Reads the launch request and removes it, after checking that the directory is the
	 * private one that the launcher made: a directory of this user's closed to everyone
	 * else, not a symbolic link.
	 * @return the request
	 * @throws IOException if it cannot be read or the directory is not private
	 */
	InputStream readRequest() throws IOException {
		OptionalLong uid = DirectoryTrust.effectiveUid();
		if (uid.isEmpty() || !DirectoryTrust.isPrivate(this.directory, uid.getAsLong())) {
			throw new IOException(this.directory + " is not the launcher's private directory (a directory of uid "
					+ (uid.isPresent() ? uid.getAsLong() : "?") + " closed to everyone else)");
		}
		Path request = this.directory.resolve(StartDirectory.REQUEST);
		byte[] bytes;
		try (InputStream in = Files.newInputStream(request, LinkOption.NOFOLLOW_LINKS)) {
			bytes = in.readNBytes(ArgsCodec.MAX_LENGTH + 1);
		}
		finally {
			Files.deleteIfExists(request);
		}
		if (bytes.length > ArgsCodec.MAX_LENGTH) {
			throw new IOException("the launch request is larger than " + ArgsCodec.MAX_LENGTH + " bytes");
		}
		return new ByteArrayInputStream(bytes);
	}

	/**
	 * Returns the channel to the launcher: the FIFO in the private directory.
	 * @return the channel
	 */
	StatusChannel statusChannel() {
		return new FifoChannel(this.directory.resolve(StartDirectory.STATUS));
	}

	/**
	 * Tells the launcher one line, for failures before the channel was handed out.
	 * @param line the line
	 */
	void tellLauncher(String line) {
		try (StatusChannel channel = statusChannel()) {
			channel.writeLine(line);
		}
		catch (IOException ex) {
			// The launcher is gone: nobody is left to tell, and the line is in the
			// daemon's error log.
			System.err.println("daemoniker: " + line.substring(line.indexOf(' ') + 1));
		}
	}

	/**
	 * The FIFO, opened for each line for reading and writing: that open never waits, even
	 * when the intermediate shell, which keeps it open, was killed, and nothing is held
	 * open once the line is written. Opened only if it is a FIFO, as the shell made it:
	 * anything else in its place is not the launcher's.
	 */
	private static final class FifoChannel implements StatusChannel {

		private final Path fifo;

		FifoChannel(Path fifo) {
			this.fifo = fifo;
		}

		@Override
		public void writeLine(String line) throws IOException {
			if (FileStat.of(this.fifo, LinkOption.NOFOLLOW_LINKS).kind() != FileKind.FIFO) {
				throw new IOException(this.fifo + " is not a FIFO");
			}
			try (RandomAccessFile out = new RandomAccessFile(this.fifo.toFile(), "rw")) {
				out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
			}
		}

		@Override
		public void close() {
			// Nothing is held open between lines.
		}

	}

}
