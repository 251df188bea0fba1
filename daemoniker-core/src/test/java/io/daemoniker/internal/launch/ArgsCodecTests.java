/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.launch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The launch request and the plain-data arguments it carries.
 */
class ArgsCodecTests {

	@Test
	void plainDataSurvivesTheRoundTrip() throws IOException {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("port", 8080);
		map.put("nested", Arrays.asList("a", null, 2L));
		List<Object> args = Arrays.asList("text", null, true, 42, 7L, 1.5, new byte[] { 1, 2 }, map, "ünïcødé");
		LaunchRequest request = new LaunchRequest(Path.of("/run/app.pid"), Path.of("/dev/null"),
				Path.of("/var/log/out"), Path.of("/var/log/err"), true, args);
		LaunchRequest decoded = LaunchRequest.decode(new ByteArrayInputStream(request.encode()));
		assertThat(decoded.pidFile()).isEqualTo(Path.of("/run/app.pid"));
		assertThat(decoded.stdout()).isEqualTo(Path.of("/var/log/out"));
		assertThat(decoded.stderr()).isEqualTo(Path.of("/var/log/err"));
		assertThat(decoded.manualReadiness()).isTrue();
		assertThat(decoded.args()).hasSize(args.size());
		assertThat(decoded.args().get(6)).isEqualTo(new byte[] { 1, 2 });
		assertThat(decoded.args()).element(7).isEqualTo(map);
		assertThat(decoded.args().subList(0, 6)).containsExactly("text", null, true, 42, 7L, 1.5);
		assertThat(decoded.args().get(8)).isEqualTo("ünïcødé");
	}

	@Test
	void anythingElseIsRefusedNamingWhereItIs() {
		assertThatIllegalArgumentException().isThrownBy(() -> ArgsCodec.check(new Object[] { "ok", new Object() }))
			.withMessageContaining("argument 1 is a java.lang.Object");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ArgsCodec.check(new Object[] { List.of(Map.of("k", Path.of("x"))) }))
			.withMessageContaining("argument 0[0][\"k\"]");
		assertThatIllegalArgumentException().isThrownBy(() -> ArgsCodec.check(new Object[] { Map.of(1, "v") }))
			.withMessageContaining("key that is not a String");
	}

	@Test
	void corruptOrForeignRequestsAreRejected() {
		assertThatExceptionOfType(IOException.class)
			.isThrownBy(() -> LaunchRequest.decode(new ByteArrayInputStream(new byte[] { 0, 0, 0, 9 })))
			.withMessageContaining("unknown version 9");
		byte[] valid = new LaunchRequest(Path.of("/p"), Path.of("/i"), Path.of("/o"), Path.of("/e"), false,
				List.of("x"))
			.encode();
		byte[] truncated = Arrays.copyOf(valid, valid.length - 1);
		assertThatExceptionOfType(IOException.class)
			.isThrownBy(() -> LaunchRequest.decode(new ByteArrayInputStream(truncated)));
		byte[] badType = valid.clone();
		badType[badType.length - 6] = 99;
		assertThatExceptionOfType(IOException.class)
			.isThrownBy(() -> LaunchRequest.decode(new ByteArrayInputStream(badType)))
			.withMessageContaining("unknown argument type 99");
	}

	@Test
	void surrogatePairsCrossAndLoneSurrogatesAreRefusedWhereverTheyAre() throws IOException {
		String emoji = "smile \uD83D\uDE00";
		ArgsCodec.check(new Object[] { emoji, Map.of(emoji, emoji) });
		LaunchRequest request = new LaunchRequest(Path.of("/p"), Path.of("/i"), Path.of("/o"), Path.of("/e"), false,
				List.of(emoji));
		assertThat(LaunchRequest.decode(new ByteArrayInputStream(request.encode())).args()).containsExactly(emoji);
		for (String lone : List.of("\uD800", "a\uDC00", "end\uD83D", "\uDE00\uD83D")) {
			assertThatIllegalArgumentException().isThrownBy(() -> ArgsCodec.check(new Object[] { lone }))
				.withMessageContaining("argument 0 holds a lone surrogate");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> ArgsCodec.check(new Object[] { "ok", List.of(Map.of("k", lone)) }))
				.withMessageContaining("argument 1[0][\"k\"] holds a lone surrogate");
			assertThatIllegalArgumentException().isThrownBy(() -> ArgsCodec.check(new Object[] { Map.of(lone, 1) }))
				.withMessageContaining("argument 0 has a key that holds a lone surrogate");
		}
	}

	@Test
	void countsAndSizesBeyondTheLimitsAreRefusedBeforeAnythingIsEncoded() {
		assertThatIllegalArgumentException().isThrownBy(() -> ArgsCodec.check(new Object[ArgsCodec.MAX_ARGUMENTS + 1]))
			.withMessageContaining("65537 arguments cannot be passed");
		ArgsCodec.check(new Object[ArgsCodec.MAX_ARGUMENTS]);
		byte[] tooLarge = new byte[ArgsCodec.MAX_LENGTH + 1];
		assertThatIllegalArgumentException().isThrownBy(() -> ArgsCodec.check(new Object[] { List.of(tooLarge) }))
			.withMessageContaining("argument 0[0] takes 67108865 bytes");
		// Each part within the limit, the whole beyond it.
		byte[] half = new byte[ArgsCodec.MAX_LENGTH / 2 + 1];
		ArgsCodec.check(new Object[] { half, half });
		LaunchRequest request = new LaunchRequest(Path.of("/p"), Path.of("/i"), Path.of("/o"), Path.of("/e"), false,
				List.of(half, half));
		assertThatIllegalArgumentException().isThrownBy(request::encode)
			.withMessageContaining("once encoded, more than the 67108864");
	}

}
