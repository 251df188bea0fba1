/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.distribution;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import io.daemoniker.support.ReadmeSnippets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's "Getting it" blocks: the Maven import and the Gradle platform name the BOM
 * as this build makes it and only artifacts the BOM manages; the installation lines
 * unpack this build's archive and print its version.
 */
class ReadmeSnippetsIT {

	private static final Path ROOT = Path.of(System.getProperty("daemoniker.repository.root"));

	private final ReadmeSnippets readme = new ReadmeSnippets(ROOT);

	@TempDir
	Path directory;

	@Test
	void mavenImportNamesTheBomAndManagedArtifacts() throws Exception {
		Element snippet = parse("<snippet>" + this.readme.block("xml", "daemoniker-bom") + "</snippet>")
			.getDocumentElement();
		List<Element> dependencies = children(snippet.getElementsByTagName("dependency"));
		Element imported = dependencies.get(0);
		assertThat(text(imported, "groupId") + ":" + text(imported, "artifactId") + ":" + text(imported, "version"))
			.isEqualTo("io.daemoniker:daemoniker-bom:" + Installation.VERSION);
		assertThat(text(imported, "type")).isEqualTo("pom");
		assertThat(text(imported, "scope")).isEqualTo("import");
		for (Element used : dependencies.subList(1, dependencies.size())) {
			assertThat(used.getElementsByTagName("version").getLength()).isZero();
			assertThat(managedByTheBom()).contains(text(used, "groupId") + ":" + text(used, "artifactId"));
		}
		assertThat(dependencies).hasSizeGreaterThan(1);
	}

	@Test
	void gradlePlatformNamesTheBomAndManagedArtifacts() throws Exception {
		String gradle = this.readme.block("kotlin", "daemoniker-bom");
		assertThat(gradle).contains("platform(\"io.daemoniker:daemoniker-bom:" + Installation.VERSION + "\")");
		Matcher used = Pattern.compile("implementation\\(\"(io\\.daemoniker:[\\w-]+)\"\\)").matcher(gradle);
		int count = 0;
		while (used.find()) {
			assertThat(managedByTheBom()).contains(used.group(1));
			count++;
		}
		assertThat(count).isPositive();
	}

	@Test
	@EnabledOnOs({ OS.LINUX, OS.MAC })
	void installationLinesPrintTheVersion() {
		String output = this.readme.run(this.readme.block("sh", "bin/daemoniker --version"), this.directory);
		assertThat(output).isEqualTo("daemoniker " + Installation.VERSION + "\n");
	}

	private static List<String> managedByTheBom() throws Exception {
		Document bom = DocumentBuilderFactory.newInstance()
			.newDocumentBuilder()
			.parse(ROOT.resolve("daemoniker-bom/pom.xml").toFile());
		assertThat(text(bom.getDocumentElement(), "version")).isEqualTo(Installation.VERSION);
		List<String> managed = new ArrayList<>();
		for (Element dependency : children(bom.getElementsByTagName("dependency"))) {
			managed.add(text(dependency, "groupId") + ":" + text(dependency, "artifactId"));
		}
		return managed;
	}

	private static Document parse(String xml) throws Exception {
		return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
	}

	private static List<Element> children(NodeList nodes) {
		List<Element> elements = new ArrayList<>();
		for (int i = 0; i < nodes.getLength(); i++) {
			elements.add((Element) nodes.item(i));
		}
		return elements;
	}

	private static String text(Element element, String child) {
		NodeList nodes = element.getElementsByTagName(child);
		return (nodes.getLength() > 0) ? nodes.item(0).getTextContent().trim() : "";
	}

}
