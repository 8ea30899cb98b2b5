#!/usr/bin/env bash
# Installs what the test suite needs (JDK 17, fail2ban, redis-server, mmdb-bin, the geo-IP file, Chromium and its
# chromedriver for the browser test WebUiE2EIT) on a fresh Debian machine, then runs
# the whole suite: unit tests, ArchUnit rules, and integration tests (failsafe) against a private
# fail2ban-server, real SQLite files, real redis-servers on loopback and the packaged jar as a process.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
cd "$BANGUI_ROOT"

ensure_build_tools
# Debian's chromium and chromium-driver: WebUiE2EIT drives the web UI in them (and fails without them)
ensure_browser
# the real geo-IP country file that GeoDatabaseAgreementIT and the geo ITs read (.cache/ is gitignored)
ensure_geo_db "$BANGUI_ROOT/.cache/geoip"
log "running the test suite"
./mvnw -B verify "$@"
