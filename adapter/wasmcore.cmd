@echo off
rem wasmcore launcher for Windows: finds java (JAVA_HOME, then PATH), builds adapter\target\wasmcore.jar with
rem Maven when it is missing (build output to stderr only), and runs it with all arguments.
setlocal
set "ADAPTER_DIR=%~dp0"
if "%ADAPTER_DIR:~-1%"=="\" set "ADAPTER_DIR=%ADAPTER_DIR:~0,-1%"
for %%I in ("%ADAPTER_DIR%\..") do set "REPO_DIR=%%~fI"
set "JAR=%ADAPTER_DIR%\target\wasmcore.jar"
if /i "%~1"=="capture" (
  rem `wasmcore capture ...` runs the Node capture tool (src\capture)
  for /f "tokens=1,* delims= " %%A in ("%*") do node "%REPO_DIR%\src\capture\wasmcore-capture.mjs" %%B
  exit /b %ERRORLEVEL%
)
set "JAVA_EXE="
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "JAVA_EXE=%JAVA_HOME%\bin\java.exe"
if not defined JAVA_EXE for %%J in (java.exe) do set "JAVA_EXE=%%~$PATH:J"
if not defined JAVA_EXE (
  echo wasmcore: no Java runtime found: set JAVA_HOME or put java 17 or newer on PATH 1>&2
  exit /b 1
)
if not exist "%JAR%" (
  echo wasmcore: building %JAR% ^(first run^) ... 1>&2
  call mvn -B -q -f "%REPO_DIR%\pom.xml" -pl adapter -am package -DskipTests 1>&2
  if errorlevel 1 (
    echo wasmcore: building the adapter failed 1>&2
    exit /b 1
  )
)
"%JAVA_EXE%" %WASMCORE_JAVA_OPTS% -jar "%JAR%" %*
exit /b %ERRORLEVEL%
