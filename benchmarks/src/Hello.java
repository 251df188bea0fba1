/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */

/**
 * The baseline: the cheapest JVM start there is, {@code java -cp <dir> Hello}.
 */
public final class Hello {

	private Hello() {
	}

	public static void main(String[] args) {
		System.out.println("Hello");
	}

}
