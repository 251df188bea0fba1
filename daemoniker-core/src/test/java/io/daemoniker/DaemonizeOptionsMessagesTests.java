/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Options refused with the value as the caller gave it.
 */
class DaemonizeOptionsMessagesTests {

	@Test
	void aNegativeUmaskIsShownAsGiven() {
		assertThatIllegalArgumentException().isThrownBy(() -> DaemonizeOptions.builder().umask(-1))
			.withMessage("umask must be between 0 and 0777 (octal), not -1; give it in octal, such as 027")
			.withMessageNotContaining("037777777777");
	}

	@Test
	void aUmaskTooLargeIsShownInOctalAndDecimal() {
		assertThatIllegalArgumentException().isThrownBy(() -> DaemonizeOptions.builder().umask(1000))
			.withMessageContaining("not 01750 (decimal 1000)");
	}

}
