/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.windows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.sun.jna.platform.win32.Shell32Util;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The Java launcher's rules for splitting a Windows command line, with the test vectors
 * of the JDK's {@code cmdtoargs.c}, and round trips through
 * {@link WindowsCommandLine#join}.
 */
class WindowsCommandLineTests {

	@Test
	void splitsTheJavaLaunchersOwnTestVectors() {
		assertThat(args("abcd")).containsExactly("abcd");
		assertThat(args("\"a b c d\"")).containsExactly("a b c d");
		assertThat(args("a\"b c d\"e")).containsExactly("ab c de");
		assertThat(args("ab\\\"cd")).containsExactly("ab\"cd");
		assertThat(args("\"a b c d\\\\\"")).containsExactly("a b c d\\");
		assertThat(args("ab\\\\\\\"cd")).containsExactly("ab\\\"cd");
		assertThat(args("a\\\\\\c")).containsExactly("a\\\\\\c");
		assertThat(args("\"a\\\\\\d\"")).containsExactly("a\\\\\\d");
		assertThat(args("\"a b c\" d e")).containsExactly("a b c", "d", "e");
		assertThat(args("\"ab\\\"c\"  \"\\\\\"  d")).containsExactly("ab\"c", "\\", "d");
		assertThat(args("a\\\\\\c d\"e f\"g h")).containsExactly("a\\\\\\c", "de fg", "h");
		assertThat(args("a\\\\\\\"b c d")).containsExactly("a\\\"b", "c", "d");
		assertThat(args("a\\\\\\\\\"g c\" d e")).containsExactly("a\\\\g c", "d", "e");
		assertThat(args("\"C:\\TEST A\\\\\"")).containsExactly("C:\\TEST A\\");
		assertThat(args("\"\"C:\\TEST A\\\\\"\"")).containsExactly("C:\\TEST", "A\\");
		assertThat(args("X\\Y\\Z")).containsExactly("X\\Y\\Z");
		assertThat(args("\\X\\Y\\Z")).containsExactly("\\X\\Y\\Z");
		assertThat(args("a \t b")).containsExactly("a", "b");
		assertThat(args("a b\\\\ d")).containsExactly("a", "b\\\\", "d");
		assertThat(args("..\\..\\")).containsExactly("..\\..\\");
	}

	@Test
	void runsOfQuotesFollowTheJavaLauncherNotCommandLineToArgvW() {
		// CommandLineToArgvW splits each of these differently.
		assertThat(args("\"a b c\"\"")).containsExactly("a b c\"");
		assertThat(args("\"\"a b c\"\"")).containsExactly("a", "b", "c");
		assertThat(args("\"\"\"a b c\"\"\"")).containsExactly("\"a b c\"");
		assertThat(args("\"\"\"\"a b c\"\"\"\"")).containsExactly("\"a", "b", "c\"");
		assertThat(args("\"\"\"\"\"a b c\"\"\"\"\"")).containsExactly("\"\"a b c\"\"");
		assertThat(args("a\"b\"\" c d")).containsExactly("ab\" c d");
	}

	@Test
	void marksWildcardsOutsideQuotesOnly() {
		assertThat(parsed("abc*def")).containsExactly(new WindowsCommandLine.Argument("abc*def", true));
		assertThat(parsed("\"abc*def\"")).containsExactly(new WindowsCommandLine.Argument("abc*def", false));
		assertThat(parsed("x.??? \"x.???\"")).containsExactly(new WindowsCommandLine.Argument("x.???", true),
				new WindowsCommandLine.Argument("x.???", false));
		assertThat(parsed("foo *.noexts")).containsExactly(new WindowsCommandLine.Argument("foo", false),
				new WindowsCommandLine.Argument("*.noexts", true));
		assertThat(parsed("Debug\\f?a \\\\* ..\\..\\*")).extracting(WindowsCommandLine.Argument::wildcard)
			.containsExactly(true, true, true);
		assertThat(parsed("Debug\\f?a \\\\* ..\\..\\*")).extracting(WindowsCommandLine.Argument::text)
			.containsExactly("Debug\\f?a", "\\\\*", "..\\..\\*");
	}

	@Test
	void emptyQuotesMakeAnEmptyArgument() {
		assertThat(args("\"\" a \"\"")).containsExactly("", "a", "");
	}

	@Test
	void spacesAndTabsSeparateButNewlinesDoNot() {
		assertThat(args(" a\t\tb  c\nd ")).containsExactly("a", "b", "c\nd");
	}

	@Test
	void backslashesNotBeforeAQuoteAreLiteral() {
		assertThat(args("C:\\dir\\ \\\\server\\share")).containsExactly("C:\\dir\\", "\\\\server\\share");
	}

	@Test
	void unterminatedQuoteRunsToTheEnd() {
		assertThat(args("\"a b")).containsExactly("a b");
	}

	@Test
	void programNameIsSplitLikeAnyArgument() {
		assertThat(WindowsCommandLine.split("\"C:\\Program Files\\Java\\bin\\javaw.exe\" -cp a"))
			.containsExactly("C:\\Program Files\\Java\\bin\\javaw.exe", "-cp", "a");
		assertThat(WindowsCommandLine.split("\"C:\\a b\\java.exe\"-version"))
			.containsExactly("C:\\a b\\java.exe-version");
		assertThat(WindowsCommandLine.split("java")).containsExactly("java");
		assertThat(WindowsCommandLine.split("java   ")).containsExactly("java");
		assertThat(WindowsCommandLine.split("")).isEmpty();
	}

	@ParameterizedTest
	@MethodSource("trickyArguments")
	void joinedArgumentsSplitBackUnchanged(List<String> arguments) {
		List<String> command = new ArrayList<>();
		command.add("C:\\Program Files\\Java\\jdk-17\\bin\\javaw.exe");
		command.addAll(arguments);
		assertThat(WindowsCommandLine.split(WindowsCommandLine.join(command))).isEqualTo(command);
	}

	/**
	 * Windows' own parser as the oracle: what {@code join} writes, it splits the same way
	 * as the Java launcher.
	 */
	@ParameterizedTest
	@MethodSource("trickyArguments")
	@EnabledOnOs(OS.WINDOWS)
	void commandLineToArgvWSplitsJoinedArgumentsTheSameWay(List<String> arguments) {
		List<String> command = new ArrayList<>();
		command.add("C:\\Program Files\\Java\\jdk-17\\bin\\javaw.exe");
		command.addAll(arguments);
		String line = WindowsCommandLine.join(command);
		assertThat(List.of(Shell32Util.CommandLineToArgv(line))).as(line).isEqualTo(command);
	}

	/**
	 * Windows' own splitter beside the Java launcher's rules on raw command lines, not
	 * only on those that {@code join} wrote: hostile lines of blanks, quotes, backslashes
	 * (trailing ones too), empty arguments, wildcards and characters beyond ASCII, split
	 * the same by both wherever no two quotes meet, the one place where the rules part
	 * (see {@link #runsOfQuotesFollowTheJavaLauncherNotCommandLineToArgvW}). The program
	 * name is a plain one, which both take up to the first blank.
	 */
	@Test
	@EnabledOnOs(OS.WINDOWS)
	void commandLineToArgvWSplitsHostileLinesWithoutRunsOfQuotesAsTheJavaLauncherDoes() {
		String program = "C:\\jdk\\bin\\java.exe";
		List<String> lines = new ArrayList<>(List.of("a\\", "\"a b\\\\\"", "\"a\\\" b\"", "a\\\\ b\\\\\\", "a \"\" b",
				"\"\" a", "a \"\"", "\"a b", "a \"", "\\\"a\\\\\"b c\"", "\t a\t\tb ", "*.txt \"*.txt\" a?b",
				"\u00e9t\u00e9 \"\u65e5\u672c \ud83d\ude00\"", "C:\\a b\\ \"C:\\a b\\\\\" \\\\server\\share\\"));
		Random random = new Random(20261201);
		String[] pieces = { "a", "b", " ", "\t", "\"", "\\", "\\\\", "\\\"", "*", "?", "\u00e9", "\u65e5",
				"\ud83d\ude00", "x y" };
		while (lines.size() < 3000) {
			StringBuilder line = new StringBuilder();
			int length = random.nextInt(12);
			for (int i = 0; i < length; i++) {
				line.append(pieces[random.nextInt(pieces.length)]);
			}
			if (!line.toString().contains("\"\"")) {
				lines.add(line.toString());
			}
		}
		for (String arguments : lines) {
			String line = program + " " + arguments;
			assertThat(List.of(Shell32Util.CommandLineToArgv(line))).as(line).isEqualTo(WindowsCommandLine.split(line));
		}
	}

	static List<List<String>> trickyArguments() {
		return List.of(List.of(), List.of(""), List.of("", ""), List.of("a b"), List.of("a\tb"), List.of(" "),
				List.of("\""), List.of("\"\""), List.of("\"\"\""), List.of("\\"), List.of("\\\\"), List.of("a\\"),
				List.of("a b\\"), List.of("a b\\\\"), List.of("\\\""), List.of("\\\\\""), List.of("a\\\"b"),
				List.of("C:\\Program Files\\app\\"), List.of("-Dx=\"quoted value\""), List.of("\\\\server\\share\\"),
				List.of("a\nb"), List.of("end with quote\""), List.of("\" leading quote"),
				List.of("-cp", "C:\\a b\\lib\\*;C:\\c\\", "com.example.Main", "", "x y"), List.of("%PATH%", "^&|<>"),
				List.of("\u00e9t\u00e9 \u65e5\u672c"), List.of("*.txt", "a?b", "C:\\logs\\*", "\\*", "*\\"));
	}

	@Test
	void randomArgumentsOfQuotesBackslashesAndBlanksSplitBackUnchanged() {
		Random random = new Random(20261124);
		char[] alphabet = { 'a', ' ', '\t', '"', '\\', '\\', 'b', '*', '?' };
		for (int round = 0; round < 5000; round++) {
			List<String> command = new ArrayList<>();
			command.add("javaw.exe");
			int count = random.nextInt(4);
			for (int i = 0; i < count; i++) {
				StringBuilder arg = new StringBuilder();
				int length = random.nextInt(8);
				for (int j = 0; j < length; j++) {
					arg.append(alphabet[random.nextInt(alphabet.length)]);
				}
				command.add(arg.toString());
			}
			String line = WindowsCommandLine.join(command);
			assertThat(WindowsCommandLine.split(line)).as(line).isEqualTo(command);
			assertThat(WindowsCommandLine.parse(line)).as(line).noneMatch(WindowsCommandLine.Argument::wildcard);
		}
	}

	@Test
	void quotesOnlyWhatNeedsIt() {
		assertThat(WindowsCommandLine.join(List.of("C:\\jdk\\bin\\javaw.exe", "-cp", "C:\\app\\lib", "a\\b")))
			.isEqualTo("C:\\jdk\\bin\\javaw.exe -cp C:\\app\\lib a\\b");
		assertThat(WindowsCommandLine.join(List.of("C:\\Program Files\\javaw.exe", "a b\\", "", "x\"y")))
			.isEqualTo("\"C:\\Program Files\\javaw.exe\" \"a b\\\\\" \"\" \"x\\\"y\"");
	}

	@Test
	void quotesWildcardsSoThatTheDaemonsJavaLauncherDoesNotExpandThemAgain() {
		String line = WindowsCommandLine.join(List.of("javaw.exe", "Main", "*.txt", "a?b", "plain"));
		assertThat(line).isEqualTo("javaw.exe Main \"*.txt\" \"a?b\" plain");
		assertThat(WindowsCommandLine.parse(line)).noneMatch(WindowsCommandLine.Argument::wildcard);
	}

	@Test
	void quotesCharactersBeyondAsciiWhichTheJavaLauncherMaySeeAsQuestionMarks() {
		assertThat(WindowsCommandLine.join(List.of("javaw.exe", "\u65e5\u672c", "caf\u00e9", "plain")))
			.isEqualTo("javaw.exe \"\u65e5\u672c\" \"caf\u00e9\" plain");
	}

	@Test
	void refusesAProgramNameThatCannotBeCarried() {
		assertThatIllegalArgumentException().isThrownBy(() -> WindowsCommandLine.join(List.of("a\"b.exe")))
			.withMessageContaining("a\"b.exe");
		assertThatIllegalArgumentException().isThrownBy(() -> WindowsCommandLine.join(List.of()));
	}

	private static List<WindowsCommandLine.Argument> parsed(String arguments) {
		List<WindowsCommandLine.Argument> all = WindowsCommandLine.parse("prog.exe " + arguments);
		return all.subList(1, all.size());
	}

	private static List<String> args(String arguments) {
		List<String> all = WindowsCommandLine.split("prog.exe " + arguments);
		assertThat(all.get(0)).isEqualTo("prog.exe");
		return all.subList(1, all.size());
	}

}
