#!/usr/bin/env bash
# Config parse benchmark: Fail2banConfigReaderAdapter.read() on a copy of /etc/fail2ban (every jail's effective view,
# every filter and action). Cold = the first read in a fresh JVM (median of 5 JVMs); warm = p50 of 50 reads after
# 30 warm-up reads (files whose bytes did not change since the previous read are not parsed again; every
# jail's effective view is built each time). Targets: cold <= 300 ms, warm <= 50 ms. Run by scripts/bench/config.sh.
set -euo pipefail
source "$(dirname "$0")/../lib/common.sh"

cd "$BANGUI_ROOT"
[ -d /etc/fail2ban ] || die "needs /etc/fail2ban (Debian's fail2ban package)"
./mvnw -B -q -pl adapters-fail2ban -am test-compile >/dev/null
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cp -r /etc/fail2ban "$work/conf"
cp=adapters-fail2ban/target/classes:adapters-fail2ban/target/test-classes:domain/target/classes
colds=(); warms=()
for _ in 1 2 3 4 5; do
  out=$(java -Xmx256m -cp "$cp" org.bangui.adapters.fail2ban.config.ConfigReaderBenchmark "$work/conf")
  colds+=("$(awk '$1 == "config_parse_cold_ms" { print $2 }' <<<"$out")")
  warms+=("$(awk '$1 == "config_parse_warm_p50_ms" { print $2 }' <<<"$out")")
  jails=$(awk '$1 == "config_parse_jails" { print $2 }' <<<"$out")
done
median() { printf '%s\n' "$@" | sort -n | sed -n 3p; }
cold=$(median "${colds[@]}"); warm=$(median "${warms[@]}")
echo "config parse, $jails jails with effective views: cold ${cold} ms (target: at most 300), warm p50 ${warm} ms (target: at most 50)"
