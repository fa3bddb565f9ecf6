@echo off
rem The grader, without `dotnet run`'s build check on every command: runs the built grader directly when it is newer
rem than every file it is built from (grader\ and otp\), and builds it once first otherwise. The build is a ReadyToRun
rem publish (faster to start and to compile), or a plain build where that is not possible. Usage: grade [command] [options]
setlocal
set "ROOT=%~dp0"
set "READY=%ROOT%grader\bin\ready"
set "PLAIN=%ROOT%grader\bin\Debug\net10.0\grader.dll"
set "DLL=%PLAIN%"
if exist "%READY%\grader.dll" set "DLL=%READY%\grader.dll"
powershell -NoProfile -ExecutionPolicy Bypass -Command ^
  "$dll = Get-Item -LiteralPath $env:DLL -ErrorAction SilentlyContinue; if (-not $dll) { exit 1 };" ^
  "$root = $env:ROOT; $t = $dll.LastWriteTimeUtc;" ^
  "$src = Get-ChildItem -LiteralPath (Join-Path $root 'grader'),(Join-Path $root 'otp') -Recurse -File -Include *.cs,*.csproj -ErrorAction SilentlyContinue | Where-Object { $_.FullName -notmatch '[\\/](bin|obj|suites)[\\/]' };" ^
  "$shared = 'Directory.Build.props','Directory.Packages.props','global.json' | ForEach-Object { Get-Item -LiteralPath (Join-Path $root $_) -ErrorAction SilentlyContinue };" ^
  "if (@($src) + @($shared) | Where-Object { $_ -and $_.LastWriteTimeUtc -gt $t }) { exit 1 } else { exit 0 }"
if not errorlevel 1 goto run

echo grade: building the grader first ^(it changed since it was last built^)... 1>&2
set "RID="
if /i "%PROCESSOR_ARCHITECTURE%"=="AMD64" set "RID=win-x64"
if /i "%PROCESSOR_ARCHITECTURE%"=="ARM64" set "RID=win-arm64"
if "%RID%"=="" goto plain
dotnet publish "%ROOT%grader\grader.csproj" -c Debug -r %RID% --self-contained false -p:PublishReadyToRun=true -o "%READY%" --nologo -v quiet -clp:ErrorsOnly >nul 2>&1
if errorlevel 1 goto plain
if not exist "%READY%\grader.dll" goto plain
set "DLL=%READY%\grader.dll"
goto touch

:plain
echo grade: a ReadyToRun build is not possible here; a plain build instead ^(slower to start and to compile^) 1>&2
if exist "%READY%" rmdir /s /q "%READY%"
dotnet build "%ROOT%grader\grader.csproj" --nologo -v quiet -clp:ErrorsOnly 1>&2 || exit /b 70
set "DLL=%PLAIN%"

:touch
powershell -NoProfile -Command "(Get-Item -LiteralPath $env:DLL).LastWriteTimeUtc = [DateTime]::UtcNow"

:run
dotnet "%DLL%" %*
exit /b %ERRORLEVEL%
