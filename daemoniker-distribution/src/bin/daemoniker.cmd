@echo off
rem The daemoniker command: status, send and stop for any daemon with a Daemoniker PID file.
rem Runs lib\daemoniker-cli.jar of this installation with %JAVA_HOME%\bin\java.exe when
rem JAVA_HOME is set, else with the java on the PATH (Java 17 or newer).
rem Written for Windows and not yet run on Windows.
setlocal
set "DAEMONIKER_JAR=%~dp0..\lib\daemoniker-cli.jar"
if not exist "%DAEMONIKER_JAR%" (
  echo daemoniker: %DAEMONIKER_JAR% is missing: unpack the whole archive again 1>&2
  exit /b 1
)
if defined JAVA_HOME (
  set "DAEMONIKER_JAVA=%JAVA_HOME%\bin\java.exe"
) else (
  set "DAEMONIKER_JAVA=java"
)
"%DAEMONIKER_JAVA%" -jar "%DAEMONIKER_JAR%" %*
exit /b %ERRORLEVEL%
