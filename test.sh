#!/usr/bin/env bash
# Runs every Portaali test: Core unit tests, bUnit component tests, integration tests on SQLite and on a throw-away
# PostgreSQL cluster (started here, stopped on exit) and the Playwright browser journeys in Debian's Chromium; the Excel export is also opened in LibreOffice Calc and the
# offer document in LibreOffice Writer (all installed here when missing).
set -euo pipefail
cd "$(dirname "$0")"

if [ ! -x /usr/bin/chromium ]; then
  echo "Chromium is missing: installing Debian's chromium for the browser tests"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

# Tests check deploy/nginx/portaali.conf with Debian's nginx (nginx -t) and run it as an ordinary process in front of two
# app instances (the failover journey); nothing is enabled or started as a service. On Debian 12 the package "nginx" holds
# the binary (upstream hash, map and proxy modules built in); nginx-light is a transitional package that pulls it in.
if [ ! -x /usr/sbin/nginx ]; then
  echo "nginx is missing: installing Debian's nginx for the proxy tests"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq nginx >/dev/null
fi

# A test opens the Excel export in LibreOffice Calc, another the offer document (.docx) in Writer. A machine may have
# soffice with only one of them (Calc alone was enough before the offer document): each module is checked by its
# registry file, so an existing LibreOffice gets just the missing one.
LO_PACKAGES=""
if ! command -v soffice >/dev/null || [ ! -e /usr/lib/libreoffice/share/registry/calc.xcd ]; then
  LO_PACKAGES="$LO_PACKAGES libreoffice-calc-nogui"
fi
if ! command -v soffice >/dev/null || [ ! -e /usr/lib/libreoffice/share/registry/writer.xcd ]; then
  LO_PACKAGES="$LO_PACKAGES libreoffice-writer-nogui"
fi
if [ -n "$LO_PACKAGES" ]; then
  echo "LibreOffice cannot open the test documents: installing Debian's$LO_PACKAGES"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  # shellcheck disable=SC2086 # the package list is meant to split into words
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $LO_PACKAGES >/dev/null
fi

# The PostgreSQL integration tests get a cluster of their own for the run (scripts/pg-test-cluster.sh installs Debian's
# postgresql when missing). When it cannot start, the run goes on and those tests fail, saying so: never a silent skip.
if PG_EXPORTS=$(scripts/pg-test-cluster.sh start); then
  eval "$PG_EXPORTS"
  trap 'scripts/pg-test-cluster.sh stop "$PORTAALI_PG_CLUSTER_DIR"' EXIT
else
  echo "PostgreSQL could not be started (see above): the PostgreSQL tests will fail" >&2
fi

dotnet tool restore >/dev/null
dotnet test Portaali.sln --nologo -c Release "$@"
