#!/usr/bin/env bash
# Runs every Portaali test: Core unit tests, bUnit component tests, SQLite integration tests
# and the Playwright browser journeys in Debian's Chromium; the Excel export is also opened in LibreOffice Calc
# (both installed here when missing).
set -euo pipefail
cd "$(dirname "$0")"

if [ ! -x /usr/bin/chromium ]; then
  echo "Chromium is missing: installing Debian's chromium for the browser tests"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

if ! command -v soffice >/dev/null; then
  echo "LibreOffice is missing: installing Debian's libreoffice-calc-nogui to open the Excel exports in the tests"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq libreoffice-calc-nogui >/dev/null
fi

dotnet tool restore >/dev/null
dotnet test Portaali.sln --nologo -c Release "$@"
