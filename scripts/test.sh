#!/usr/bin/env bash
# Installs what the test suite needs (JDK 17, fail2ban) on a fresh Debian machine, then runs the whole
# suite: unit tests, ArchUnit rules, and integration tests against a private fail2ban-server and real
# SQLite files.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
cd "$BANGUI_ROOT"

ensure_build_tools
log "running the test suite"
./mvnw -B verify "$@"
