# Shared helpers for BanGUI's scripts. Source it; do not run it.

# Root of the repository.
BANGUI_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@";
  elif command -v sudo >/dev/null 2>&1; then sudo "$@";
  else die "need root to run: $*"; fi
}

# Installs the Debian packages in "$@" that are not installed yet (apt-get update first, once).
ensure_packages() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# A JDK 17 or newer on PATH, fail2ban and redis-server for the test sandboxes (iproute2: `ss`, with which
# BlocklistCrashIT sees a command waiting in fail2ban's socket). Maven comes through ./mvnw.
ensure_build_tools() {
  local need_jdk=1
  if command -v javac >/dev/null 2>&1; then
    local v; v=$(javac -version 2>&1 | sed -E 's/^javac ([0-9]+).*/\1/')
    [ "${v:-0}" -ge 17 ] 2>/dev/null && need_jdk=0
  fi
  local pkgs=(fail2ban redis-server ca-certificates curl unzip python3 mmdb-bin iproute2)
  [ $need_jdk -eq 1 ] && pkgs+=(openjdk-17-jdk-headless)
  # the web UI is built with Node.js 20+ and npm (the build machine's own; Debian's packages otherwise)
  if ! command -v npm >/dev/null 2>&1 || [ "$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)" -lt 20 ]; then
    pkgs+=(nodejs npm)
  fi
  ensure_packages "${pkgs[@]}"
}

# The browser of the end-to-end UI tests: Debian's Chromium and its driver (never a browser download).
ensure_browser() {
  ensure_packages chromium chromium-driver
}

# The geo-IP country file (IPv4 and IPv6, record {"country_code": "US"}) of the npm package
# @ip-location-db/geo-whois-asn-country-mmdb (published as CC0-1.0; its data is credited to the NRO under
# CC BY 4.0), at a pinned version whose tarball's sha256 is checked.
GEO_DB_VERSION="2.3.2026061719"
GEO_DB_SHA256="91757a1b06cdcd1955f292e4c4cfc54e091204f998e159a3187f7a2ef3724be0"

# Puts that file at $1/country.mmdb unless it is there already (the default BANGUI_GEOIP_DB_PATH is
# <data dir>/geoip/country.mmdb). Downloads from the npm registry, refuses a tarball whose checksum differs,
# and renames the file into place so that a running BanGUI never reads half a file.
ensure_geo_db() {
  local dir="$1" target="$1/country.mmdb"
  [ -s "$target" ] && return 0
  local name="geo-whois-asn-country-mmdb-$GEO_DB_VERSION.tgz"
  local url="https://registry.npmjs.org/@ip-location-db/geo-whois-asn-country-mmdb/-/$name"
  local tmp; tmp=$(mktemp -d)
  log "fetching the geo-IP country file $GEO_DB_VERSION into $dir"
  if ! curl -fsSL --retry 3 -o "$tmp/$name" "$url"; then
    rm -rf "$tmp"; die "could not download $url"
  fi
  if ! echo "$GEO_DB_SHA256  $tmp/$name" | sha256sum -c --status; then
    rm -rf "$tmp"; die "checksum mismatch for $name: expected sha256 $GEO_DB_SHA256"
  fi
  tar -xzf "$tmp/$name" -C "$tmp" package/geo-whois-asn-country.mmdb
  mkdir -p "$dir"
  mv "$tmp/package/geo-whois-asn-country.mmdb" "$dir/.country.mmdb.part"
  mv "$dir/.country.mmdb.part" "$target"
  rm -rf "$tmp"
}

# Builds the runnable jar unless it is newer than every source file.
build_jar() {
  local jar="$BANGUI_ROOT/bootstrap/target/bangui.jar"
  if [ -f "$jar" ] && [ -z "$(find "$BANGUI_ROOT" -name node_modules -prune -o -path '*/src/*' -newer "$jar" -print -quit)" ] \
     && [ "$jar" -nt "$BANGUI_ROOT/pom.xml" ]; then
    return 0
  fi
  log "building bootstrap/target/bangui.jar"
  (cd "$BANGUI_ROOT" && ./mvnw -B -q -DskipTests package -pl bootstrap -am)
}

# Writes a private fail2ban configuration into $1 from the sandbox templates the tests use, so that the
# demo, the benchmark and the tests run the same jails. The server is started by start_fail2ban.
write_fail2ban_sandbox() {
  local dir="$1" template="$BANGUI_ROOT/adapters-fail2ban/src/test/resources/fail2ban-sandbox"
  mkdir -p "$dir/conf" "$dir/logs"
  cp /etc/fail2ban/fail2ban.conf "$dir/conf/"
  rm -rf "$dir/conf/filter.d" "$dir/conf/action.d"
  cp -r /etc/fail2ban/filter.d /etc/fail2ban/action.d "$dir/conf/"
  (cd "$template" && find . -type f) | while read -r f; do
    mkdir -p "$dir/conf/$(dirname "$f")"
    sed "s#@DIR@#$dir#g" "$template/$f" > "$dir/conf/$f"
  done
  touch "$dir/logs/auth.log" "$dir/logs/nginx-error.log" "$dir/logs/blocklist.log"
}

# Starts fail2ban-server for the sandbox in $1 in the background and waits until every jail answers.
start_fail2ban() {
  local dir="$1"
  fail2ban-server -c "$dir/conf" -f -x -s "$dir/fail2ban.sock" -p "$dir/fail2ban.pid" \
    --logtarget "$dir/fail2ban.log" >"$dir/server.out" 2>&1 &
  echo $! > "$dir/server.pid"
  for _ in $(seq 1 100); do
    if fail2ban-client -c "$dir/conf" -s "$dir/fail2ban.sock" status blocklist >/dev/null 2>&1; then
      return 0
    fi
    sleep 0.1
  done
  die "fail2ban did not start; see $dir/server.out and $dir/fail2ban.log"
}

stop_pid_file() {
  local file="$1"
  [ -f "$file" ] || return 0
  local pid; pid=$(cat "$file")
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -f "$file"
}

# Waits until $1 answers HTTP 200, at most $2 seconds.
wait_http_ok() {
  local url="$1" limit="${2:-60}"
  for _ in $(seq 1 $((limit * 10))); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$url" 2>/dev/null)" = "200" ] && return 0
    sleep 0.1
  done
  return 1
}

# Completes first-run setup of the BanGUI at $1 with the token in file $2 and password $3.
complete_setup() {
  local url="$1" token_file="$2" password="$3"
  for _ in $(seq 1 50); do [ -s "$token_file" ] && break; sleep 0.1; done
  [ -s "$token_file" ] || die "no setup token in $token_file"
  local body
  body=$(python3 -c 'import json,sys; print(json.dumps({"setupToken": open(sys.argv[1]).read().strip(), "password": sys.argv[2]}))' "$token_file" "$password")
  local status
  status=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' -d "$body" "$url/api/v1/setup")
  [ "$status" = "201" ] || die "setup answered $status"
}

# Logs in to the BanGUI at $1 with password $2, keeps the cookie in jar $3 and prints the CSRF token.
login() {
  local url="$1" password="$2" jar="$3"
  python3 -c 'import json,sys; print(json.dumps({"password": sys.argv[1]}))' "$password" \
    | curl -s -c "$jar" -H 'Content-Type: application/json' -d @- "$url/api/v1/auth/login" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["csrfToken"])'
}

# A random password for demos and benchmarks.
random_password() {
  python3 -c 'import secrets; print(secrets.token_urlsafe(15))'
}
