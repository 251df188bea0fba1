/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.examples.spring;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A greeting, and a slow request that shows graceful shutdown: a request in flight when
 * the daemon is told to stop still gets its answer.
 */
@RestController
class GreetingController {

	private static final Log logger = LogFactory.getLog(GreetingController.class);

	@GetMapping("/")
	String hello() {
		return "Hello from pid " + ProcessHandle.current().pid() + "\n";
	}

	@GetMapping("/slow")
	String slow(@RequestParam(defaultValue = "1000") long ms) throws InterruptedException {
		logger.info("slow request started, answering in " + ms + " ms");
		Thread.sleep(Math.max(0, ms));
		return "Slept " + ms + " ms\n";
	}

}
