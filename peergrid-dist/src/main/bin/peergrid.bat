@echo off
rem peergrid command line, from the installable archive. Needs a Java runtime 17+ (JAVA_HOME, or
rem java on PATH); works from any folder. PEERGRID_JAVA_OPTS adds options for the JVM (e.g. -Xmx4g).
setlocal
set "PEERGRID_HOME=%~dp0.."
set "JAVA_CMD=java"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "JAVA_CMD=%JAVA_HOME%\bin\java.exe"
rem JVM options for short runs, as in bin/peergrid (docs/install.md): `clear` runs with C1 only and the
rem serial collector; setting PEERGRID_JAVA_OPTS replaces this choice. Not run on Windows here.
set "RUN_OPTS="
if not defined PEERGRID_JAVA_OPTS if "%~1"=="clear" set "RUN_OPTS=-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
"%JAVA_CMD%" %RUN_OPTS% %PEERGRID_JAVA_OPTS% -cp "%PEERGRID_HOME%\lib\*" org.peergrid.cli.PeergridCommand %*
exit /b %ERRORLEVEL%
