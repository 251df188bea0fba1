/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */

/**
 * The baseline: the cheapest JVM start there is, {@code java -cp DIR Hello}.
 */
public final class Hello {

	private Hello() {
	}

	/**
	 * Prints a greeting and exits.
	 * @param args ignored
	 */
	public static void main(String[] args) {
		System.out.println("Hello");
	}

}
