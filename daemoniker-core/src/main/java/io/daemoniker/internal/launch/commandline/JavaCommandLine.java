/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.launch.commandline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Set;

import io.daemoniker.StartupException;
import io.daemoniker.internal.launch.DaemonProperties;
import io.daemoniker.internal.platform.OperatingSystem;

/**
 * Rebuilds the command line of this JVM for the daemon, which starts in another working
 * directory: every path the launcher was given relative to its own directory is made
 * absolute (class path, module path, {@code -jar}, {@code @argfiles} and their contents,
 * source files, and every option that {@link PathOptions} knows to hold a path), the
 * marker that tells the daemon what it is goes in front, a debugger agent that would
 * fight the launcher for its port is dropped, and the application arguments are dropped
 * on request.
 * <p>
 * Public for the launcher's {@code Launcher}, which builds it, and the start-up cache's
 * {@code StartupCache}, which adds its options to it.
 */
public final class JavaCommandLine {

	/** Options whose value, in the next argument, is a list of paths. */
	static final Set<String> PATH_LIST_OPTIONS = Set.of("-cp", "-classpath", "--class-path", "-p", "--module-path",
			"--upgrade-module-path");

	/** Options whose value, in the next argument, is not a path. */
	private static final Set<String> VALUE_OPTIONS = Set.of("--add-modules", "--limit-modules", "--add-reads",
			"--add-exports", "--add-opens", "--enable-native-access", "--source", "-d", "--describe-module",
			"--patch-module");

	private final List<String> command;

	private final List<String> notes;

	private final int applicationArgumentsStart;

	private JavaCommandLine(List<String> command, List<String> notes, int applicationArgumentsStart) {
		this.command = Collections.unmodifiableList(command);
		this.notes = Collections.unmodifiableList(notes);
		this.applicationArgumentsStart = applicationArgumentsStart;
	}

	/**
	 * Returns the daemon's command, executable first.
	 * @return the command
	 */
	public List<String> command() {
		return this.command;
	}

	/**
	 * Returns what was changed beyond making paths absolute, one sentence each, for the
	 * launcher to tell the user.
	 * @return the notes, often empty
	 */
	public List<String> notes() {
		return this.notes;
	}

	/**
	 * Returns the index in {@link #command()} of the first application argument, or the
	 * size of the command if there is none. Everything before it is read by the Java
	 * launcher, which expands {@code @argfiles} there.
	 * @return the index
	 */
	public int applicationArgumentsStart() {
		return this.applicationArgumentsStart;
	}

	/**
	 * Returns this command line with more options right after the executable.
	 * @param options the options
	 * @return the longer command line
	 */
	public JavaCommandLine withLeadingOptions(List<String> options) {
		List<String> longer = new ArrayList<>(this.command.size() + options.size());
		longer.add(this.command.get(0));
		longer.addAll(options);
		longer.addAll(this.command.subList(1, this.command.size()));
		return new JavaCommandLine(longer, this.notes, this.applicationArgumentsStart + options.size());
	}

	/**
	 * Rebuilds a command line for the daemon.
	 * @param executable the Java launcher that started this JVM
	 * @param arguments its arguments as given, {@code @argfiles} unexpanded
	 * @param directory the directory relative paths were given against
	 * @param leadingOptions options to put first: the marker and any extra JVM options
	 * @param stripApplicationArguments whether to drop the arguments after the main class
	 * @return the command line
	 * @throws StartupException if an {@code @argfile} cannot be read
	 */
	public static JavaCommandLine forDaemon(String executable, List<String> arguments, Path directory,
			List<String> leadingOptions, boolean stripApplicationArguments) {
		return forDaemon(executable, arguments, directory,
				new RelativePaths(directory.toString(), OperatingSystem.current() == OperatingSystem.WINDOWS),
				leadingOptions, stripApplicationArguments);
	}

	static JavaCommandLine forDaemon(String executable, List<String> arguments, Path directory, RelativePaths paths,
			List<String> leadingOptions, boolean stripApplicationArguments) {
		Builder builder = new Builder(directory, paths);
		builder.out.add(executable);
		builder.out.addAll(leadingOptions);
		builder.process(arguments);
		int applicationArgumentsStart = builder.out.size();
		if (!stripApplicationArguments) {
			builder.out.addAll(builder.applicationArguments);
		}
		return new JavaCommandLine(builder.out, builder.notes, applicationArgumentsStart);
	}

	/**
	 * An argument and whether it came from an {@code @argfile}, whose contents the Java
	 * launcher never expands again.
	 */
	private record Token(String text, boolean fromFile) {
	}

	/**
	 * Tells where the application arguments start among the arguments a Java launcher was
	 * given: after the main class, the {@code -jar} file, the module or the source file,
	 * which may come from an {@code @argfile}.
	 * @param arguments the launcher's arguments as given, {@code @argfiles} unexpanded
	 * @param directory the directory relative {@code @argfiles} were given against
	 * @return the index of the first argument that is an application argument, or the
	 * number of arguments when none is
	 * @throws StartupException if an {@code @argfile} cannot be read
	 */
	static int firstApplicationArgument(List<String> arguments, Path directory) {
		Builder builder = new Builder(directory,
				new RelativePaths(directory.toString(), OperatingSystem.current() == OperatingSystem.WINDOWS));
		builder.process(arguments);
		return arguments.size() - builder.givenApplicationArguments;
	}

	/**
	 * Walks the launcher's arguments up to the main class, then keeps the rest aside as
	 * application arguments.
	 */
	private static final class Builder {

		private final Path directory;

		private final RelativePaths paths;

		private final List<String> out = new ArrayList<>();

		private final List<String> notes = new ArrayList<>();

		private final List<String> applicationArguments = new ArrayList<>();

		private final Deque<Token> pending = new ArrayDeque<>();

		private boolean argFilesEnabled = true;

		/**
		 * How many of the given arguments, not from argument files, follow the main
		 * class.
		 */
		private int givenApplicationArguments;

		Builder(Path directory, RelativePaths paths) {
			this.directory = directory;
			this.paths = paths;
		}

		void process(List<String> arguments) {
			// Loops, not lambdas or streams, on this path and the ones below: the
			// launcher is a short-lived JVM, and each lambda's first use costs it a
			// generated class.
			for (String argument : arguments) {
				this.pending.add(new Token(argument, false));
			}
			while (!this.pending.isEmpty()) {
				String arg = next();
				if (takesSeparateValue(arg) && hasNext()) {
					emit(arg);
					String value = next();
					emit(PATH_LIST_OPTIONS.contains(arg) ? this.paths.absoluteList(value)
							: "--patch-module".equals(arg) ? PathOptions.patch(value, this.paths) : value);
				}
				else if ("-jar".equals(arg) && hasNext()) {
					emit(arg);
					emit(this.paths.absolute(next()));
					break;
				}
				else if (("-m".equals(arg) || "--module".equals(arg)) && hasNext()) {
					emit(arg);
					emit(next());
					break;
				}
				else if (arg.startsWith("--module=")) {
					emit(arg);
					break;
				}
				else if (arg.startsWith("-")) {
					option(arg);
				}
				else {
					emit(arg.endsWith(".java") ? this.paths.absolute(arg) : arg);
					break;
				}
			}
			// Past the main class, nothing is expanded any more.
			for (Token token : this.pending) {
				this.applicationArguments.add(token.text());
				if (!token.fromFile()) {
					this.givenApplicationArguments++;
				}
			}
		}

		private boolean hasNext() {
			expandHead();
			return !this.pending.isEmpty();
		}

		/**
		 * Returns the next argument, with {@code @argfiles} on the command line expanded
		 * in place and {@code @@} unescaped, as the Java launcher does.
		 */
		private String next() {
			expandHead();
			Token token = this.pending.removeFirst();
			if (!token.fromFile() && this.argFilesEnabled && token.text().startsWith("@@")) {
				return token.text().substring(1);
			}
			return token.text();
		}

		private void expandHead() {
			while (!this.pending.isEmpty()) {
				Token head = this.pending.peekFirst();
				String text = head.text();
				if (head.fromFile() || !this.argFilesEnabled || !text.startsWith("@") || text.startsWith("@@")) {
					return;
				}
				this.pending.removeFirst();
				List<String> contents = readArgFile(text.substring(1));
				for (int i = contents.size() - 1; i >= 0; i--) {
					this.pending.addFirst(new Token(contents.get(i), true));
				}
			}
		}

		/**
		 * Adds an argument that the daemon's Java launcher reads as an option; one that
		 * starts with {@code @} is escaped, so that it is not taken for an argument file.
		 */
		private void emit(String arg) {
			this.out.add((this.argFilesEnabled && arg.startsWith("@")) ? "@" + arg : arg);
		}

		private static boolean takesSeparateValue(String arg) {
			return PATH_LIST_OPTIONS.contains(arg) || VALUE_OPTIONS.contains(arg);
		}

		private void option(String arg) {
			if ("--disable-@files".equals(arg)) {
				emit(arg);
				this.argFilesEnabled = false;
			}
			else if (arg.startsWith(DaemonProperties.MARKER_OPTION_PREFIX)) {
				// A marker left by an earlier relaunch must never reach another one.
			}
			else if (isDebuggerServer(arg)) {
				this.notes.add("dropped " + arg + " from the daemon's command line: the daemon would fail to listen "
						+ "on the same debugger address as the launcher; to debug the daemon, pass the agent in "
						+ "the daemon's JVM options with another address");
			}
			else {
				emit(PathOptions.absolute(arg, this.paths));
			}
		}

		private static boolean isDebuggerServer(String arg) {
			return (arg.startsWith("-agentlib:jdwp=") || arg.startsWith("-Xrunjdwp:")) && arg.contains("server=y");
		}

		private List<String> readArgFile(String file) {
			Path path = this.directory.resolve(file);
			try {
				return ArgFiles.split(Files.readString(path, ArgFiles.CHARSET));
			}
			catch (IOException ex) {
				throw new StartupException("cannot read argument file " + path + " to rebuild the command line for "
						+ "the daemon: " + ex.getMessage(), ex);
			}
		}

	}

}
