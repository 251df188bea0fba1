/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.launch.spawn;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Which descriptors from 3 up a spawned process must have closed so that it keeps only
 * the shielded ones: single descriptors to close, in ascending order, and perhaps a
 * descriptor from which every one is closed. Only descriptors that are open get a single
 * close, since a close action for a descriptor that is not open makes {@code posix_spawn}
 * fail with some C libraries.
 *
 * @param closes the descriptors to close one by one
 * @param closeFrom the lowest descriptor of the range that is closed whole, if any
 */
record ClosePlan(List<Integer> closes, OptionalInt closeFrom) {

	private static final int FIRST = 3;

	/**
	 * Plans for a C library that can close a range of descriptors: the range starts above
	 * the highest shielded descriptor, and the open descriptors in the gaps below it are
	 * closed one by one.
	 * @param shielded the shielded descriptors
	 * @param isOpen tells whether a descriptor is open
	 * @return the plan
	 */
	static ClosePlan withCloseFrom(Set<Integer> shielded, IntPredicate isOpen) {
		int from = Math.max(FIRST, shielded.stream().mapToInt((fd) -> fd + 1).max().orElse(FIRST));
		List<Integer> closes = new ArrayList<>();
		for (int fd = FIRST; fd < from; fd++) {
			if (!shielded.contains(fd) && isOpen.test(fd)) {
				closes.add(fd);
			}
		}
		return new ClosePlan(List.copyOf(closes), OptionalInt.of(from));
	}

	/**
	 * Plans for a C library that closes descriptors one at a time only.
	 * @param open the descriptors open in this process, in ascending order
	 * @param shielded the shielded descriptors
	 * @param limit one more than the highest descriptor to close
	 * @return the plan
	 */
	static ClosePlan explicit(Iterable<Integer> open, Set<Integer> shielded, int limit) {
		List<Integer> closes = new ArrayList<>();
		for (int fd : open) {
			if (fd >= FIRST && fd < limit && !shielded.contains(fd)) {
				closes.add(fd);
			}
		}
		return new ClosePlan(List.copyOf(closes), OptionalInt.empty());
	}

}
