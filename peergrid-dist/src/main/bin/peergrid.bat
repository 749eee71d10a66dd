@echo off
rem peergrid command line, from the installable archive. Needs a Java runtime 17+ (JAVA_HOME, or
rem java on PATH); works from any folder. PEERGRID_JAVA_OPTS adds options for the JVM (e.g. -Xmx4g).
setlocal
set "PEERGRID_HOME=%~dp0.."
set "JAVA_CMD=java"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "JAVA_CMD=%JAVA_HOME%\bin\java.exe"
"%JAVA_CMD%" %PEERGRID_JAVA_OPTS% -cp "%PEERGRID_HOME%\lib\*" org.peergrid.cli.PeergridCommand %*
exit /b %ERRORLEVEL%
