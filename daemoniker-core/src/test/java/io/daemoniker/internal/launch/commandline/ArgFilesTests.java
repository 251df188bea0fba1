/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.launch.commandline;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Splitting {@code @argfile} text as the {@code java} launcher does.
 */
class ArgFilesTests {

	@Test
	void whitespaceSeparatesArguments() {
		assertThat(ArgFiles.split(" -cp\ta.jar\n\r\nMain  ")).containsExactly("-cp", "a.jar", "Main");
	}

	@Test
	void quotesGroupAndMayStartInsideAnArgument() {
		assertThat(ArgFiles.split("-Dname=\"two words\" 'single quoted' \"\" x")).containsExactly("-Dname=two words",
				"single quoted", "", "x");
	}

	@Test
	void backslashEscapesOnlyInsideQuotes() {
		assertThat(ArgFiles.split("\"a\\tb\\\\c\\\"d\" C:\\dir")).containsExactly("a\tb\\c\"d", "C:\\dir");
	}

	@Test
	void backslashAtTheEndOfALineContinuesTheArgument() {
		assertThat(ArgFiles.split("\"-cp a.jar:\\\n    b.jar\" Main")).containsExactly("-cp a.jar:b.jar", "Main");
	}

	@Test
	void hashStartsACommentOnlyAtTheStartOfAnArgument() {
		assertThat(ArgFiles.split("# a comment\n-Da=b#c # trailing\nMain")).containsExactly("-Da=b#c", "Main");
	}

}
