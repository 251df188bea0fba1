/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.support;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A documentation snippet of Java made into a class of its own and compiled against the
 * test class path, so that a test can run it as a real program, exactly as written.
 */
public final class JavaSnippet {

	private JavaSnippet() {
	}

	/**
	 * Compiles a class whose body is the snippet and the given members.
	 * @param directory where the source and the class file go
	 * @param className the class's simple name, in the unnamed package
	 * @param imports the import lines the snippet needs
	 * @param snippet the snippet, members of the class (a {@code main} method, say)
	 * @param members the methods the snippet calls but does not define
	 * @return the class path entry that holds the compiled class
	 * @throws AssertionError if it does not compile, with the compiler's messages
	 */
	public static Path compile(Path directory, String className, List<String> imports, String snippet, String members) {
		try {
			Path source = directory.resolve(className + ".java");
			StringBuilder text = new StringBuilder();
			imports.forEach((line) -> text.append("import ").append(line).append(";\n"));
			text.append("public class ").append(className).append(" {\n").append(snippet).append('\n');
			text.append(members).append("\n}\n");
			Files.writeString(source, text);
			JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
			StringWriter messages = new StringWriter();
			Boolean compiled = compiler
				.getTask(messages, null, null,
						List.of("-d", directory.toString(), "-cp", Daemons.CLASSPATH, "--release", "17"), null,
						compiler.getStandardFileManager(null, null, null).getJavaFileObjects(source.toFile()))
				.call();
			if (!compiled) {
				throw new AssertionError("the snippet does not compile:\n" + text + "\n" + messages);
			}
			return directory;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
