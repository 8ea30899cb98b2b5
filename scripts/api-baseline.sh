#!/usr/bin/env bash
# Regenerates the API contract of record, Docs/openapi/bangui-v1.yml, from the OpenAPI document the service
# serves (OpenApiDocumentIT fetches it from a running service and writes it). Run it only for a deliberate change
# of the API, commit the new baseline in the same change, and say in the commit message what clients must change.
# Needs what the integration tests need (scripts/test.sh installs it): fail2ban, npm for the web UI build.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
cd "$BANGUI_ROOT"

log "regenerating Docs/openapi/bangui-v1.yml from the served document"
./mvnw -B -q -pl bootstrap -am verify -Dit.test=OpenApiDocumentIT -Dtest=none \
  -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dbangui.api-baseline.update=true
git --no-pager diff --stat -- Docs/openapi/bangui-v1.yml
