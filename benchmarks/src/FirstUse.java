/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Makes one first use of a JDK facility in a fresh JVM and exits, so that
 * {@code first-use.sh} can time the whole process against a JVM that makes none: what
 * that facility costs a short-lived JVM such as the launcher, the daemon on its way to
 * "ready", or the {@code daemoniker} command. The script compiles it with javac's
 * defaults, so that {@code concat} uses invokedynamic string concatenation; no other case
 * concatenates strings.
 */
public final class FirstUse {

	private FirstUse() {
	}

	/**
	 * Makes the first use that the argument names.
	 * @param args one of {@code none}, {@code concat}, {@code lambda}, {@code lambdas20},
	 * {@code classes20}, {@code stream}, {@code regex}, {@code format},
	 * {@code processhandle}, {@code procstatus}, {@code tempdir}, {@code process},
	 * {@code jul}
	 * @throws Exception if the use fails
	 */
	public static void main(String[] args) throws Exception {
		Object result;
		switch (args[0]) {
			case "none":
				result = "";
				break;
			case "concat":
				result = "x" + args.length + args[0];
				break;
			case "lambda":
				Runnable first = () -> System.out.print("");
				first.run();
				result = first;
				break;
			case "lambdas20":
				result = lambdas20().length;
				break;
			case "classes20":
				result = classes20().length;
				break;
			case "stream":
				result = List.of("a", "bb").stream().filter(String::isEmpty).count();
				break;
			case "regex":
				result = Pattern.compile("ready [0-9]{1,18}").matcher("ready 42").matches();
				break;
			case "format":
				result = String.format("%03o", 18);
				break;
			case "processhandle":
				result = ProcessHandle.current().pid();
				break;
			case "procstatus":
				result = Files.readAllLines(Path.of("/proc/self/status")).size();
				break;
			case "tempdir":
				result = tempDirectory();
				break;
			case "process":
				result = new ProcessBuilder("/bin/true").start().waitFor();
				break;
			case "jul":
				result = Logger.getLogger(FirstUse.class.getName()).getName();
				break;
			default:
				throw new IllegalArgumentException(args[0]);
		}
		if (result.toString().length() > 1000) {
			System.out.println(result);
		}
	}

	private static Path tempDirectory() throws IOException {
		Path directory = Files.createTempDirectory("first-use");
		Files.delete(directory);
		return directory;
	}

	/** Twenty lambdas, each its own generated class at first use. */
	private static Runnable[] lambdas20() {
		return new Runnable[] { () -> System.out.print("0"), () -> System.out.print("1"), () -> System.out.print("2"),
				() -> System.out.print("3"), () -> System.out.print("4"), () -> System.out.print("5"),
				() -> System.out.print("6"), () -> System.out.print("7"), () -> System.out.print("8"),
				() -> System.out.print("9"), () -> System.out.print("10"), () -> System.out.print("11"),
				() -> System.out.print("12"), () -> System.out.print("13"), () -> System.out.print("14"),
				() -> System.out.print("15"), () -> System.out.print("16"), () -> System.out.print("17"),
				() -> System.out.print("18"), () -> System.out.print("19") };
	}

	/**
	 * The same twenty as anonymous classes, as the project writes them on start paths.
	 */
	private static Runnable[] classes20() {
		return new Runnable[] { new Runnable() {
			@Override
			public void run() {
				System.out.print("0");
			}
		}, new Runnable() {
			@Override
			public void run() {
				System.out.print("1");
			}
		}, new Runnable() {
			@Override
			public void run() {
				System.out.print("2");
			}
		}, new Runnable() {
			@Override
			public void run() {
				System.out.print("3");
			}
		}, new Runnable() {
			@Override
			public void run() {
				System.out.print("4");
			}
		}, new Runnable() {
			@Override
			public void run() {
				System.out.print("5");
			}
		}, new Runnable() {
			@Override
			public void run() {
				System.out.print("6");
			}
		}, new Runnable() {
			@Override
			public void run() {
				System.out.print("7");
			}
		}, new Runnable() {
			@Override
			public void run() {
				System.out.print("8");
			}
		}, new Runnable() {
			@Override
			public void run() {
				System.out.print("9");
			}
		}, new Runnable() {
			@Override
			public void run() {
				System.out.print("10");
			}
		}, new Runnable() {
			@Override
			public void run() {
				System.out.print("11");
			}
		}, new Runnable() {
			@Override
			public void run() {
				System.out.print("12");
			}
		}, new Runnable() {
			@Override
			public void run() {
				System.out.print("13");
			}
		}, new Runnable() {
			@Override
			public void run() {
				System.out.print("14");
			}
		}, new Runnable() {
			@Override
			public void run() {
				System.out.print("15");
			}
		}, new Runnable() {
			@Override
			public void run() {
				System.out.print("16");
			}
		}, new Runnable() {
			@Override
			public void run() {
				System.out.print("17");
			}
		}, new Runnable() {
			@Override
			public void run() {
				System.out.print("18");
			}
		}, new Runnable() {
			@Override
			public void run() {
				System.out.print("19");
			}
		} };
	}

}
