@echo off
rem The grader, without `dotnet run`'s build check on every command: runs the built grader.dll directly when it is
rem newer than every file it is built from (grader\ and otp\), and builds it once first otherwise. Usage: grade [command] [options]
setlocal
set "ROOT=%~dp0"
set "DLL=%ROOT%grader\bin\Debug\net10.0\grader.dll"
powershell -NoProfile -ExecutionPolicy Bypass -Command ^
  "$dll = Get-Item -LiteralPath $env:DLL -ErrorAction SilentlyContinue; if (-not $dll) { exit 1 };" ^
  "$root = $env:ROOT; $t = $dll.LastWriteTimeUtc;" ^
  "$src = Get-ChildItem -LiteralPath (Join-Path $root 'grader'),(Join-Path $root 'otp') -Recurse -File -Include *.cs,*.csproj -ErrorAction SilentlyContinue | Where-Object { $_.FullName -notmatch '[\\/](bin|obj|suites)[\\/]' };" ^
  "$shared = 'Directory.Build.props','Directory.Packages.props','global.json' | ForEach-Object { Get-Item -LiteralPath (Join-Path $root $_) -ErrorAction SilentlyContinue };" ^
  "if (@($src) + @($shared) | Where-Object { $_ -and $_.LastWriteTimeUtc -gt $t }) { exit 1 } else { exit 0 }"
if errorlevel 1 (
  echo grade: building the grader first ^(it changed since it was last built^)... 1>&2
  dotnet build "%ROOT%grader\grader.csproj" --nologo -v quiet -clp:ErrorsOnly 1>&2 || exit /b 70
  powershell -NoProfile -Command "(Get-Item -LiteralPath $env:DLL).LastWriteTimeUtc = [DateTime]::UtcNow"
)
dotnet "%DLL%" %*
exit /b %ERRORLEVEL%
