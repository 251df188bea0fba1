/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.distribution;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metadata Maven Central requires, in every pom that is published: a name and a
 * description of its own, and url, licenses, developers, scm and issueManagement, either
 * its own (the BOM, which has no parent) or the parent's, inherited without the module's
 * name appended. The examples are never published.
 */
class PublishedPomsIT {

	private static final Path ROOT = Path.of(System.getProperty("daemoniker.repository.root"));

	private static final List<String> INHERITING = List.of("daemoniker-core", "daemoniker-spring-boot-starter",
			"daemoniker-distribution");

	@Test
	void theParentAndTheBomCarryEveryRequiredElement() throws Exception {
		for (String pom : List.of("pom.xml", "daemoniker-bom/pom.xml")) {
			Element project = project(pom);
			for (String required : List.of("name", "description", "url", "licenses", "developers", "scm",
					"issueManagement")) {
				assertThat(child(project, required)).as(pom + " <" + required + ">").isNotNull();
			}
			assertThat(child(child(child(project, "licenses"), "license"), "name").getTextContent())
				.isEqualTo("Apache License, Version 2.0");
			assertThat(child(project, "url").getTextContent())
				.isEqualTo("https://github.com/daemoniker/daemoniker-java");
		}
		Element parent = project("pom.xml");
		assertThat(parent.getAttribute("child.project.url.inherit.append.path")).isEqualTo("false");
		Element scm = child(parent, "scm");
		for (String attribute : List.of("connection", "developerConnection", "url")) {
			assertThat(scm.getAttribute("child.scm." + attribute + ".inherit.append.path")).isEqualTo("false");
		}
	}

	@Test
	void everyPublishedModuleHasANameAndDescriptionOfItsOwn() throws Exception {
		for (String module : INHERITING) {
			Element project = project(module + "/pom.xml");
			assertThat(child(child(project, "parent"), "artifactId").getTextContent()).isEqualTo("daemoniker-parent");
			assertThat(child(project, "name").getTextContent()).isNotBlank();
			assertThat(child(project, "description").getTextContent()).isNotBlank();
			assertThat(child(project, "url")).as(module + " keeps the parent's url").isNull();
		}
	}

	@Test
	void theExamplesAreNeverPublished() throws Exception {
		for (String example : List.of("plain-daemon", "spring-daemon")) {
			Element project = project("examples/" + example + "/pom.xml");
			assertThat(child(child(project, "properties"), "maven.deploy.skip").getTextContent()).isEqualTo("true");
		}
		String parent = Files.readString(ROOT.resolve("pom.xml"));
		assertThat(parent).contains("<artifact>plain-daemon</artifact>", "<artifact>spring-daemon</artifact>",
				"<autoPublish>false</autoPublish>");
	}

	private static Element project(String pom) throws Exception {
		return DocumentBuilderFactory.newInstance()
			.newDocumentBuilder()
			.parse(ROOT.resolve(pom).toFile())
			.getDocumentElement();
	}

	/**
	 * The first child element of that name, or {@code null}: not a descendant further
	 * down.
	 */
	private static Element child(Element parent, String name) {
		for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element element && element.getTagName().equals(name)) {
				return element;
			}
		}
		return null;
	}

}
