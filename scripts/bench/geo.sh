#!/usr/bin/env bash
# Geo-IP lookup benchmark (Docs/PERFORMANCE.md, "Geo-IP lookups"): one thread, distinct public addresses, cache
# cold (a fresh reader and a fresh cache per round), on the real ip-location-db country file, heap -Xmx256m.
# Runnable alone after build_jar; scripts/bench.sh calls it at its end.
set -euo pipefail
source "$(dirname "$0")/../lib/common.sh"

GEO_BENCH_DIR="${GEO_BENCH_DIR:-$BANGUI_ROOT/.cache/geoip}"
ensure_geo_db "$GEO_BENCH_DIR"
[ -f "$BANGUI_ROOT/bootstrap/target/bangui.jar" ] || die "build the jar first (build_jar)"
out=$(java -Xmx256m -cp "$BANGUI_ROOT/bootstrap/target/bangui.jar" "$BANGUI_ROOT/scripts/bench/GeoBench.java" \
  "$GEO_BENCH_DIR/country.mmdb" 2>/dev/null)
val() { awk -v k="$1" '$1 == k { print $2 }' <<<"$out"; }
reader=$(val geo_lookups_reader_cold); cached=$(val geo_lookups_cached_cold)
map_cold=$(val geo_map_100k_bans_cold_ms); map_warm=$(val geo_map_100k_bans_warm_ms)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
echo "geo lookups, one thread, cache cold, mmdb reader alone: ${reader}/s (target: at least 200000/s; ratio $(ratio "$reader" 200000))"
echo "geo lookups, one thread, cache cold, through the cache (GeoLookupPort): ${cached}/s (target: at least 200000/s; ratio $(ratio "$cached" 200000))"
echo "country lookups of 100000 bans (the /dashboard/map share): ${map_cold} ms cold, ${map_warm} ms cached (no target)"
