/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.launch;

import java.io.File;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import io.daemoniker.StartupError;

/**
 * Rebuilds the command line of this JVM for the daemon, which starts in another working
 * directory: every path the launcher was given relative to its own directory is made
 * absolute (class path, module path, {@code -jar}, {@code @argfiles} and their contents,
 * agents, splash screen, VM options files, source files), the marker that tells the
 * daemon what it is goes in front, a debugger agent that would fight the launcher for its
 * port is dropped, and the application arguments are dropped on request.
 */
public final class JavaCommandLine {

	/** Options whose value, in the next argument, is a list of paths. */
	private static final Set<String> PATH_LIST_OPTIONS = Set.of("-cp", "-classpath", "--class-path", "-p",
			"--module-path", "--upgrade-module-path");

	/** Options whose value, in the next argument, is not a path. */
	private static final Set<String> VALUE_OPTIONS = Set.of("--add-modules", "--limit-modules", "--add-reads",
			"--add-exports", "--add-opens", "--enable-native-access", "--source", "-d", "--describe-module",
			"--patch-module");

	private final List<String> command;

	private final List<String> notes;

	private JavaCommandLine(List<String> command, List<String> notes) {
		this.command = Collections.unmodifiableList(command);
		this.notes = Collections.unmodifiableList(notes);
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
	 * Rebuilds a command line for the daemon.
	 * @param executable the Java launcher that started this JVM
	 * @param arguments its arguments as given, {@code @argfiles} unexpanded
	 * @param directory the directory relative paths were given against
	 * @param leadingOptions options to put first: the marker and any extra JVM options
	 * @param stripApplicationArguments whether to drop the arguments after the main class
	 * @return the command line
	 * @throws StartupError if an {@code @argfile} cannot be read
	 */
	public static JavaCommandLine forDaemon(String executable, List<String> arguments, Path directory,
			List<String> leadingOptions, boolean stripApplicationArguments) {
		Builder builder = new Builder(directory);
		builder.out.add(executable);
		builder.out.addAll(leadingOptions);
		builder.process(arguments, true);
		if (!stripApplicationArguments) {
			builder.out.addAll(builder.applicationArguments);
		}
		return new JavaCommandLine(builder.out, builder.notes);
	}

	/**
	 * Tells where the application arguments start among the arguments a Java launcher was
	 * given: after the main class, the {@code -jar} file, the module or the source file,
	 * which may come from an {@code @argfile}.
	 * @param arguments the launcher's arguments as given, {@code @argfiles} unexpanded
	 * @param directory the directory relative {@code @argfiles} were given against
	 * @return the index of the first argument that is an application argument, or the
	 * number of arguments when none is
	 * @throws StartupError if an {@code @argfile} cannot be read
	 */
	public static int firstApplicationArgument(List<String> arguments, Path directory) {
		Builder builder = new Builder(directory);
		builder.process(arguments, true);
		return (builder.firstApplicationArgument >= 0) ? builder.firstApplicationArgument : arguments.size();
	}

	/**
	 * Walks the launcher's arguments up to the main class, then keeps the rest aside as
	 * application arguments.
	 */
	private static final class Builder {

		private final Path directory;

		private final List<String> out = new ArrayList<>();

		private final List<String> notes = new ArrayList<>();

		private final List<String> applicationArguments = new ArrayList<>();

		private boolean mainFound;

		private boolean argFilesEnabled = true;

		/** Index of the first given (not argfile) argument after the main class. */
		private int firstApplicationArgument = -1;

		Builder(Path directory) {
			this.directory = directory;
		}

		void process(List<String> arguments, boolean expandArgFiles) {
			for (int i = 0; i < arguments.size(); i++) {
				String arg = arguments.get(i);
				if (this.mainFound) {
					if (expandArgFiles && this.firstApplicationArgument < 0) {
						this.firstApplicationArgument = i;
					}
					this.applicationArguments.add(arg);
					continue;
				}
				if (expandArgFiles && this.argFilesEnabled && arg.startsWith("@") && !arg.startsWith("@@")) {
					process(readArgFile(arg.substring(1)), false);
					continue;
				}
				if (arg.startsWith("@@") && expandArgFiles && this.argFilesEnabled) {
					arg = arg.substring(1);
				}
				String next = (i + 1 < arguments.size()) ? arguments.get(i + 1) : null;
				if (takesSeparateValue(arg) && next != null) {
					this.out.add(arg);
					this.out.add(PATH_LIST_OPTIONS.contains(arg) ? absolutePathList(next)
							: "--patch-module".equals(arg) ? absolutePatch(next) : next);
					i++;
				}
				else if ("-jar".equals(arg) && next != null) {
					this.out.add(arg);
					this.out.add(absolute(next));
					this.mainFound = true;
					i++;
				}
				else if (("-m".equals(arg) || "--module".equals(arg)) && next != null) {
					this.out.add(arg);
					this.out.add(next);
					this.mainFound = true;
					i++;
				}
				else if (arg.startsWith("--module=")) {
					this.out.add(arg);
					this.mainFound = true;
				}
				else if (arg.startsWith("-")) {
					option(arg);
				}
				else {
					this.out.add(arg.endsWith(".java") ? absolute(arg) : arg);
					this.mainFound = true;
				}
			}
		}

		private static boolean takesSeparateValue(String arg) {
			return PATH_LIST_OPTIONS.contains(arg) || VALUE_OPTIONS.contains(arg);
		}

		private void option(String arg) {
			if ("--disable-@files".equals(arg)) {
				this.argFilesEnabled = false;
				this.out.add(arg);
			}
			else if (arg.startsWith(Launcher.MARKER_OPTION_PREFIX)) {
				// A marker left by an earlier relaunch must never reach another one.
			}
			else if (isDebuggerServer(arg)) {
				this.notes.add("dropped " + arg + " from the daemon's command line: the daemon would fail to listen "
						+ "on the same debugger address as the launcher; to debug the daemon, pass the agent in "
						+ "the daemon's JVM options with another address");
			}
			else if (arg.startsWith("--class-path=") || arg.startsWith("--module-path=")
					|| arg.startsWith("--upgrade-module-path=")) {
				int equals = arg.indexOf('=');
				this.out.add(arg.substring(0, equals + 1) + absolutePathList(arg.substring(equals + 1)));
			}
			else if (arg.startsWith("-javaagent:") || arg.startsWith("-agentpath:")) {
				int colon = arg.indexOf(':');
				String value = arg.substring(colon + 1);
				int equals = value.indexOf('=');
				String path = (equals >= 0) ? value.substring(0, equals) : value;
				String options = (equals >= 0) ? value.substring(equals) : "";
				this.out.add(arg.substring(0, colon + 1) + absolute(path) + options);
			}
			else if (arg.startsWith("-splash:")) {
				this.out.add("-splash:" + absolute(arg.substring("-splash:".length())));
			}
			else if (arg.startsWith("-Xbootclasspath/a:")) {
				this.out.add("-Xbootclasspath/a:" + absolutePathList(arg.substring("-Xbootclasspath/a:".length())));
			}
			else if (arg.startsWith("-XX:VMOptionsFile=") || arg.startsWith("-XX:Flags=")) {
				int equals = arg.indexOf('=');
				this.out.add(arg.substring(0, equals + 1) + absolute(arg.substring(equals + 1)));
			}
			else {
				this.out.add(arg);
			}
		}

		private static boolean isDebuggerServer(String arg) {
			return (arg.startsWith("-agentlib:jdwp=") || arg.startsWith("-Xrunjdwp:")) && arg.contains("server=y");
		}

		private List<String> readArgFile(String file) {
			Path path = this.directory.resolve(file);
			try {
				return ArgFiles.split(Files.readString(path, Charset.defaultCharset()));
			}
			catch (IOException ex) {
				throw new StartupError("cannot read argument file " + path + " to rebuild the command line for "
						+ "the daemon: " + ex.getMessage(), ex);
			}
		}

		private String absolute(String path) {
			return path.isEmpty() ? this.directory.toString() : this.directory.resolve(path).toString();
		}

		private String absolutePathList(String paths) {
			List<String> entries = new ArrayList<>();
			// An empty entry means the working directory, so it becomes that directory.
			for (String entry : paths.split(File.pathSeparator, -1)) {
				entries.add(absolute(entry));
			}
			return String.join(File.pathSeparator, entries);
		}

		private String absolutePatch(String value) {
			int equals = value.indexOf('=');
			return (equals < 0) ? value
					: value.substring(0, equals + 1) + absolutePathList(value.substring(equals + 1));
		}

	}

}
