/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.launch.commandline;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every JVM option that holds a path gets it absolute; every other option stays as it is.
 */
class PathOptionsTests {

	private static final RelativePaths PATHS = new RelativePaths("/app", false);

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					--class-path=a.jar:lib/*              | --class-path=/app/a.jar:/app/lib/*
					--module-path=mods                    | --module-path=/app/mods
					--upgrade-module-path=up              | --upgrade-module-path=/app/up
					--patch-module=java.base=patch:p2     | --patch-module=java.base=/app/patch:/app/p2
					-Xbootclasspath/a:boot.jar            | -Xbootclasspath/a:/app/boot.jar
					-javaagent:agent.jar=a=b,c            | -javaagent:/app/agent.jar=a=b,c
					-agentpath:lib/x.so                   | -agentpath:/app/lib/x.so
					-splash:img.png                       | -splash:/app/img.png
					-XX:VMOptionsFile=jvm.opts            | -XX:VMOptionsFile=/app/jvm.opts
					-XX:Flags=.hotspotrc                  | -XX:Flags=/app/.hotspotrc
					-XX:SharedArchiveFile=app.jsa         | -XX:SharedArchiveFile=/app/app.jsa
					-XX:SharedArchiveFile=base.jsa:top.jsa | -XX:SharedArchiveFile=/app/base.jsa:/app/top.jsa
					-XX:ArchiveClassesAtExit=app.jsa      | -XX:ArchiveClassesAtExit=/app/app.jsa
					-XX:AOTCache=app.aot                  | -XX:AOTCache=/app/app.aot
					-XX:AOTCacheOutput=app.aot            | -XX:AOTCacheOutput=/app/app.aot
					-XX:AOTConfiguration=app.aotconf      | -XX:AOTConfiguration=/app/app.aotconf
					-XX:SharedClassListFile=classes.lst   | -XX:SharedClassListFile=/app/classes.lst
					-XX:DumpLoadedClassList=classes.lst   | -XX:DumpLoadedClassList=/app/classes.lst
					-XX:HeapDumpPath=dumps/heap-%p.hprof  | -XX:HeapDumpPath=/app/dumps/heap-%p.hprof
					-XX:ErrorFile=hs_err_%p.log           | -XX:ErrorFile=/app/hs_err_%p.log
					-XX:LogFile=vm.log                    | -XX:LogFile=/app/vm.log
					-XX:CompileCommandFile=cc.txt         | -XX:CompileCommandFile=/app/cc.txt
					-Xloggc:gc.log                        | -Xloggc:/app/gc.log
					-Xlog:gc*:file=gc.log:time,uptime     | -Xlog:gc*:file=/app/gc.log:time,uptime
					-Xlog:gc:file="logs/gc.log"::filecount=5 | -Xlog:gc:file=/app/logs/gc.log::filecount=5
					-Xlog:gc:gc.log                       | -Xlog:gc:file=/app/gc.log
					-Xlog:gc                              | -Xlog:gc
					-Xlog:gc:stdout:time                  | -Xlog:gc:stdout:time
					-Xlog:disable                         | -Xlog:disable
					-XX:StartFlightRecording=filename=rec.jfr,settings=profile | -XX:StartFlightRecording=filename=/app/rec.jfr,settings=profile
					-XX:StartFlightRecording:settings=my.jfc | -XX:StartFlightRecording:settings=/app/my.jfc
					-XX:FlightRecorderOptions=repository=jfr | -XX:FlightRecorderOptions=repository=/app/jfr
					-Djava.security.properties=sec.props  | -Djava.security.properties=/app/sec.props
					-Djava.security.properties==sec.props | -Djava.security.properties==/app/sec.props
					-Djava.security.properties=file:sec.props | -Djava.security.properties=file:sec.props
					-Djava.security.policy=app.policy     | -Djava.security.policy=/app/app.policy
					-Djava.util.logging.config.file=l.properties | -Djava.util.logging.config.file=/app/l.properties
					-Djavax.net.ssl.trustStore=trust.p12  | -Djavax.net.ssl.trustStore=/app/trust.p12
					-Djavax.net.ssl.keyStore=key.p12      | -Djavax.net.ssl.keyStore=/app/key.p12
					-Djava.io.tmpdir=tmp                  | -Djava.io.tmpdir=/app/tmp
					-Djava.library.path=native:/usr/lib   | -Djava.library.path=/app/native:/usr/lib
					-Djna.library.path=native             | -Djna.library.path=/app/native
					-Dapp.file=rel.txt                    | -Dapp.file=rel.txt
					-Xmx64m                               | -Xmx64m
					-XX:+UseSerialGC                      | -XX:+UseSerialGC
					-XX:OnOutOfMemoryError=kill -9 %p     | -XX:OnOutOfMemoryError=kill -9 %p
					--enable-native-access=ALL-UNNAMED    | --enable-native-access=ALL-UNNAMED
					-agentlib:jdwp=transport=dt_socket    | -agentlib:jdwp=transport=dt_socket
					""")
	void rewrites(String option, String expected) {
		assertThat(PathOptions.absolute(option, PATHS)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			-XX:HeapDumpPath=dumps                | -XX:HeapDumpPath=C:\\app\\dumps
			-Xlog:gc:file=gc.log                  | -Xlog:gc:file="C:\\app\\gc.log"
			-Djava.security.properties=C:\\s.props | -Djava.security.properties=C:\\s.props
			-javaagent:lib\\a.jar=x               | -javaagent:C:\\app\\lib\\a.jar=x
			""")
	void rewritesOnWindows(String option, String expected) {
		assertThat(PathOptions.absolute(option, new RelativePaths("C:\\app", true))).isEqualTo(expected);
	}

}
