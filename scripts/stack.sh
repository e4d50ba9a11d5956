#!/usr/bin/env bash
# A private Docker daemon and a real registry on loopback, for the tests and the demo.
#
#   scripts/stack.sh install   install the Debian packages it needs (root)
#   scripts/stack.sh up        start dockerd, the registry (basic auth), the deny proxy, the token
#                              registry behind the Harbor core stand-in and the gateways, build
#                              the test images; prints `export NAME=value` lines to eval
#   scripts/stack.sh env       print those lines again
#   scripts/stack.sh empty-registry   wipe the registry's storage and restart it (nothing else wipes it)
#   scripts/stack.sh kill COMPONENT   crash one component with SIGKILL, for the fault tests:
#                              dockerd, registry, tls-registry, proxy (nginx: deny proxy and
#                              gateways), token-registry or harbor-core
#   scripts/stack.sh start     start whatever is not running (after a kill); prints nothing
#   scripts/stack.sh stop      stop everything by PID
#   scripts/stack.sh status
#
# Nothing here touches the machine's own dockerd, /var/run/docker.sock or ~/.docker: the daemon
# listens on a socket inside STACK_DIR and DOCKER_CONFIG points at a private folder.
set -euo pipefail

STACK_DIR=${STACK_DIR:-/tmp/harbor-upload-stack}
REGISTRY_PORT=${REGISTRY_PORT:-5000}
DENY_PORT=${DENY_PORT:-5001}
# A Harbor look-alike: the registry under /v2/ and, under /api/, whatever listens on HARBOR_API_PORT
# (the tests' and the demo's local platform server serves Harbor's API there).
HARBOR_PORT=${HARBOR_PORT:-5002}
HARBOR_API_PORT=${HARBOR_API_PORT:-5003}
# The registry again, over TLS with a self-signed certificate, on this machine's own address:
# dockerd skips certificate checks for 127.0.0.0/8 (and nothing can take that range off its
# insecure list), and Docker's reference grammar has no IPv6 literals, so only an address outside
# loopback gives a real x509 error. Trusting it takes /etc/docker/certs.d/HOST:PORT/ca.crt, as for
# a campus CA. Without a non-loopback IPv4 address (or with TLS_HOST=none) there is no TLS registry.
TLS_PORT=${TLS_PORT:-5004}
TLS_HOST=${TLS_HOST:-$(hostname -I 2>/dev/null | tr ' ' '\n' | grep -E '^[0-9]+(\.[0-9]+){3}$' | grep -v '^127\.' | head -1 || true)}
# A machine with loopback only: give lo an address outside 127/8 (root only), so there is still one.
if [ -z "$TLS_HOST" ] && [ "$(id -u)" -eq 0 ] && command -v ip >/dev/null; then
  ip addr add 198.18.0.1/32 dev lo 2>/dev/null || true
  ip -4 addr show dev lo | grep -q '198\.18\.0\.1/' && TLS_HOST=198.18.0.1
fi
[ "$TLS_HOST" = none ] && TLS_HOST=
# Harbor as it really is, behind the gateways users meet (issue 17): a second registry with Harbor's
# token auth (its own storage), a Harbor core stand-in in front of it (scripts/stack/HarborCore.java:
# the token service, and a proxy that can hold blob commits and cut a PATCH), and two nginx gateways
# in front of that: one with a 3 s read timeout, a 32 MiB body limit and streamed requests, one
# that buffers requests as ingress-nginx does. Tokens live TOKEN_LIFETIME seconds (Harbor: 30 min).
TOKEN_REGISTRY_PORT=${TOKEN_REGISTRY_PORT:-5005}
HARBOR_CORE_PORT=${HARBOR_CORE_PORT:-5006}
GATEWAY_PORT=${GATEWAY_PORT:-5007}
BUFFERING_GATEWAY_PORT=${BUFFERING_GATEWAY_PORT:-5008}
TOKEN_LIFETIME=${TOKEN_LIFETIME:-5}
STACK_JAVA=${STACK_JAVA:-/usr/lib/jvm/java-17-openjdk-amd64/bin/java}
HARBOR_CORE_SOURCE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/stack/HarborCore.java
# Debian's 20.10 client; /usr/local/bin/docker may be a newer client that also works, but the
# legacy builder notice it prints is noise.
DOCKER_BIN=${DOCKER_BIN:-/usr/bin/docker}
PACKAGES="docker.io docker-registry apache2-utils busybox-static nginx-light openssl openjdk-17-jdk-headless"

SOCK=$STACK_DIR/dkr/docker.sock
ENV_FILE=$STACK_DIR/stack.env

log() { printf '[stack] %s\n' "$*" >&2; }
die() { printf '[stack] error: %s\n' "$*" >&2; exit 1; }

install_packages() {
  local missing=()
  for p in $PACKAGES; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  [ "$(id -u)" -eq 0 ] || die "missing packages (${missing[*]}); run as root: $0 install"
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >&2
  apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
}

alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

wait_for() { # wait_for SECONDS DESCRIPTION COMMAND...
  local limit=$1 what=$2; shift 2
  local deadline=$((SECONDS + limit))
  until "$@" >/dev/null 2>&1; do
    [ $SECONDS -lt $deadline ] || die "$what did not come up within ${limit}s"
    sleep 0.1
  done
}

start_dockerd() {
  alive "$STACK_DIR/dkr/pid" && return 0
  mkdir -p "$STACK_DIR/dkr/data" "$STACK_DIR/dkr/exec"
  rm -f "$SOCK"
  local driver
  for driver in overlay2 vfs; do
    log "starting dockerd ($driver)"
    # No iptables, no bridge: the machine has no init and its network must stay as it is.
    # shellcheck disable=SC2086
    nohup dockerd --iptables=false --ip6tables=false --bridge=none --storage-driver=$driver \
      --data-root "$STACK_DIR/dkr/data" --exec-root "$STACK_DIR/dkr/exec" \
      --pidfile "$STACK_DIR/dkr/pid" -H "unix://$SOCK" ${DOCKERD_EXTRA_ARGS:-} \
      >"$STACK_DIR/dkr/dockerd.log" 2>&1 &
    local deadline=$((SECONDS + 30))
    while [ $SECONDS -lt $deadline ]; do
      if curl -fsS --unix-socket "$SOCK" http://localhost/_ping >/dev/null 2>&1; then return 0; fi
      kill -0 $! 2>/dev/null || break
      sleep 0.1
    done
    kill $! 2>/dev/null || true
    log "dockerd with $driver failed; last log lines:"; tail -5 "$STACK_DIR/dkr/dockerd.log" >&2
  done
  die "dockerd did not start (see $STACK_DIR/dkr/dockerd.log)"
}

start_registry() {
  alive "$STACK_DIR/reg/pid" && return 0
  mkdir -p "$STACK_DIR/reg"
  # Storage survives a restart (a test that stops the registry finds its layers again); only
  # empty-registry wipes it. Users other tests added to htpasswd survive too.
  [ -f "$STACK_DIR/reg/htpasswd" ] || touch "$STACK_DIR/reg/htpasswd"
  htpasswd -Bb "$STACK_DIR/reg/htpasswd" testuser testpass 2>/dev/null
  htpasswd -Bb "$STACK_DIR/reg/htpasswd" otheruser otherpass 2>/dev/null
  cat >"$STACK_DIR/reg/config.yml" <<YML
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $STACK_DIR/reg/storage
  delete:
    enabled: true
http:
  addr: 127.0.0.1:$REGISTRY_PORT
auth:
  htpasswd:
    realm: basic-realm
    path: $STACK_DIR/reg/htpasswd
YML
  log "starting registry on 127.0.0.1:$REGISTRY_PORT"
  nohup docker-registry serve "$STACK_DIR/reg/config.yml" >"$STACK_DIR/reg/registry.log" 2>&1 &
  echo $! >"$STACK_DIR/reg/pid"
  wait_for 15 "registry" curl -s -o /dev/null "http://127.0.0.1:$REGISTRY_PORT/v2/"
}

start_tls_registry() {
  [ -n "$TLS_HOST" ] || { log "no non-loopback IPv4 address: no TLS registry"; return 0; }
  alive "$STACK_DIR/tls/pid" && return 0
  mkdir -p "$STACK_DIR/tls"
  if [ ! -f "$STACK_DIR/tls/ca.crt" ]; then
    # Self-signed: the certificate is its own CA, which is what a user would copy to certs.d.
    openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=harbor-upload test registry" \
      -addext "subjectAltName=IP:$TLS_HOST" -keyout "$STACK_DIR/tls/key.pem" -out "$STACK_DIR/tls/ca.crt" 2>/dev/null
  fi
  cat >"$STACK_DIR/tls/config.yml" <<YML
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $STACK_DIR/reg/storage
http:
  addr: $TLS_HOST:$TLS_PORT
  tls:
    certificate: $STACK_DIR/tls/ca.crt
    key: $STACK_DIR/tls/key.pem
auth:
  htpasswd:
    realm: basic-realm
    path: $STACK_DIR/reg/htpasswd
YML
  log "starting TLS registry on $TLS_HOST:$TLS_PORT (self-signed)"
  nohup docker-registry serve "$STACK_DIR/tls/config.yml" >"$STACK_DIR/tls/registry.log" 2>&1 &
  echo $! >"$STACK_DIR/tls/pid"
  wait_for 15 "TLS registry" curl -sk -o /dev/null "https://$TLS_HOST:$TLS_PORT/v2/"
}

start_token_registry() {
  alive "$STACK_DIR/treg/pid" && return 0
  mkdir -p "$STACK_DIR/treg" "$STACK_DIR/core"
  make_token_key
  # Harbor's registry config (make/photon/prepare/templates/registry/config.yml.jinja): token auth
  # against core's /service/token, service harbor-registry, and a fixed http.secret so upload
  # sessions survive a registry restart.
  cat >"$STACK_DIR/treg/config.yml" <<YML
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $STACK_DIR/treg/storage
  delete:
    enabled: true
http:
  addr: 127.0.0.1:$TOKEN_REGISTRY_PORT
  secret: harbor-upload-test-stack-http-secret
auth:
  token:
    realm: http://127.0.0.1:$HARBOR_CORE_PORT/service/token
    service: harbor-registry
    issuer: harbor-token-issuer
    rootcertbundle: $STACK_DIR/core/token.crt
YML
  log "starting token registry on 127.0.0.1:$TOKEN_REGISTRY_PORT"
  nohup docker-registry serve "$STACK_DIR/treg/config.yml" >"$STACK_DIR/treg/registry.log" 2>&1 &
  echo $! >"$STACK_DIR/treg/pid"
  wait_for 15 "token registry" curl -s -o /dev/null "http://127.0.0.1:$TOKEN_REGISTRY_PORT/v2/"
}

# The token service's signing key and self-signed certificate (the registry's rootcertbundle), once.
make_token_key() {
  [ -f "$STACK_DIR/core/token.crt" ] && return 0
  openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=harbor-token-issuer" \
    -keyout "$STACK_DIR/core/token.key" -out "$STACK_DIR/core/token.crt" 2>/dev/null
}

start_harbor_core() {
  alive "$STACK_DIR/core/pid" && return 0
  mkdir -p "$STACK_DIR/core"
  make_token_key
  # The stack's users, in plain text: test-only, read by the token service on each request.
  printf 'testuser:testpass\notheruser:otherpass\n' >"$STACK_DIR/core/users"
  log "starting Harbor core stand-in on 127.0.0.1:$HARBOR_CORE_PORT (tokens for ${TOKEN_LIFETIME}s)"
  CORE_ADDR=127.0.0.1:$HARBOR_CORE_PORT CORE_UPSTREAM=127.0.0.1:$TOKEN_REGISTRY_PORT CORE_DIR=$STACK_DIR/core \
    TOKEN_ISSUER=harbor-token-issuer TOKEN_SERVICE=harbor-registry TOKEN_LIFETIME_SECONDS=$TOKEN_LIFETIME \
    nohup "$STACK_JAVA" -Xmx64m "$HARBOR_CORE_SOURCE" >"$STACK_DIR/core/core.log" 2>&1 &
  echo $! >"$STACK_DIR/core/pid"
  # java compiles the source first: a few seconds on a busy machine.
  wait_for 60 "Harbor core stand-in" curl -fs -o /dev/null "http://127.0.0.1:$HARBOR_CORE_PORT/service/token"
}

# One nginx server in front of the Harbor core stand-in, as a campus proxy or an ingress is set up:
# gateway_server PORT REQUEST_BUFFERING(on|off). Both answer nginx's own 503 page to everything
# while STACK_DIR/gw/unavailable exists ("Harbor unavailable for a while").
gateway_server() {
  cat <<NGX
  server {
    listen 127.0.0.1:$1;
    client_max_body_size 32m;
    location / {
      if (-f $STACK_DIR/gw/unavailable) { return 503; }
      proxy_pass http://127.0.0.1:$HARBOR_CORE_PORT;
      proxy_set_header Host \$http_host;
      proxy_http_version 1.1;
      proxy_request_buffering $2;
      proxy_read_timeout 3s;
    }
  }
NGX
}

start_deny_proxy() {
  alive "$STACK_DIR/ngx/pid" && return 0
  mkdir -p "$STACK_DIR/ngx/tmp" "$STACK_DIR/gw"
  # A non-null "detail" makes dockerd fail at once instead of retrying for ~50 s.
  local denied='{"errors":[{"code":"DENIED","message":"requested access to the resource is denied","detail":{"reason":"test deny proxy"}}]}'
  # Harbor's real texts (src/pkg/quota/errors.go, src/server/middleware/v2auth/auth.go).
  local quota='{"errors":[{"code":"DENIED","message":"adding 29.0 MiB of storage resource, which when updated to current usage of 152.4 MiB will exceed the configured upper limit of 10.0 MiB."}]}'
  cat >"$STACK_DIR/ngx/nginx.conf" <<NGX
worker_processes 1;
pid $STACK_DIR/ngx/pid;
error_log $STACK_DIR/ngx/error.log warn;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path $STACK_DIR/ngx/tmp/body;
  proxy_temp_path $STACK_DIR/ngx/tmp/proxy;
  fastcgi_temp_path $STACK_DIR/ngx/tmp/fastcgi;
  uwsgi_temp_path $STACK_DIR/ngx/tmp/uwsgi;
  scgi_temp_path $STACK_DIR/ngx/tmp/scgi;
  client_max_body_size 0;
  # "otheruser" in a Basic header: base64 of "otheruser" is b3RoZXJ1c2Vy.
  map \$http_authorization \$other_user { default 0; "~^Basic b3RoZXJ1c2Vy" 1; }
  map \$request_method \$write { default 1; GET 0; HEAD 0; }
  server {
    listen 127.0.0.1:$DENY_PORT;
    location /v2/quota/ {
      if (\$write) { return 403 '$quota'; }
      proxy_pass http://127.0.0.1:$REGISTRY_PORT;
    }
    location /v2/locked/ {
      if (\$write) { return 403 '$denied'; }
      proxy_pass http://127.0.0.1:$REGISTRY_PORT;
    }
    location / {
      set \$deny "\$other_user\$write";
      if (\$deny = 11) { return 403 '$denied'; }
      proxy_pass http://127.0.0.1:$REGISTRY_PORT;
      proxy_set_header Host \$http_host;
      proxy_request_buffering off;
      proxy_buffering off;
    }
    default_type application/json;
  }
  server {
    listen 127.0.0.1:$HARBOR_PORT;
    default_type application/json;
    location /v2/ {
      proxy_pass http://127.0.0.1:$REGISTRY_PORT;
      proxy_set_header Host \$http_host;
      proxy_request_buffering off;
      proxy_buffering off;
    }
    location /api/ {
      proxy_pass http://127.0.0.1:$HARBOR_API_PORT;
      proxy_set_header Host \$http_host;
    }
  }
$(gateway_server "$GATEWAY_PORT" off)
$(gateway_server "$BUFFERING_GATEWAY_PORT" on)
}
NGX
  log "starting deny proxy on 127.0.0.1:$DENY_PORT, gateways on 127.0.0.1:$GATEWAY_PORT and :$BUFFERING_GATEWAY_PORT"
  nginx -c "$STACK_DIR/ngx/nginx.conf" -g 'daemon on;' 2>>"$STACK_DIR/ngx/error.log"
  wait_for 10 "deny proxy" curl -s -o /dev/null "http://127.0.0.1:$DENY_PORT/v2/"
  wait_for 10 "gateway" curl -s -o /dev/null "http://127.0.0.1:$GATEWAY_PORT/v2/"
}

dk() { DOCKER_HOST="unix://$SOCK" DOCKER_CONFIG="$STACK_DIR/docker-config" "$DOCKER_BIN" "$@"; }

build_images() {
  if ! dk image inspect local/tiny:1 >/dev/null 2>&1; then
    log "building local/tiny:1 (busybox, one layer)"
    local root; root=$(mktemp -d)
    mkdir -p "$root/bin"
    cp /bin/busybox "$root/bin/busybox"
    tar -C "$root" -c . | dk import -c 'CMD ["/bin/busybox","sh"]' - local/tiny:1 >/dev/null
    rm -rf "$root"
  fi
  if ! dk image inspect local/five-layers:1 >/dev/null 2>&1; then
    log "building local/five-layers:1 (5 layers of 40 MiB random data)"
    local ctx; ctx=$(mktemp -d)
    local df="FROM scratch"
    for i in 1 2 3 4 5; do
      head -c $((40 * 1024 * 1024)) /dev/urandom >"$ctx/layer$i.bin"
      df="$df
COPY layer$i.bin /data/layer$i.bin"
    done
    printf '%s\n' "$df" >"$ctx/Dockerfile"
    DOCKER_BUILDKIT=0 dk build -q -t local/five-layers:1 "$ctx" >/dev/null
    rm -rf "$ctx"
  fi
}

print_env() {
  cat <<ENV
export DOCKER_HOST=unix://$SOCK
export DOCKER_CONFIG=$STACK_DIR/docker-config
export TEST_STACK_DIR=$STACK_DIR
export TEST_REGISTRY=127.0.0.1:$REGISTRY_PORT
export TEST_REGISTRY_USER=testuser
export TEST_REGISTRY_PASSWORD=testpass
export TEST_OTHER_USER=otheruser
export TEST_OTHER_PASSWORD=otherpass
export TEST_DENY_REGISTRY=127.0.0.1:$DENY_PORT
export TEST_HARBOR=127.0.0.1:$HARBOR_PORT
export TEST_HARBOR_API_PORT=$HARBOR_API_PORT
export TEST_IMAGE_TINY=local/tiny:1
export TEST_IMAGE_FIVE_LAYERS=local/five-layers:1
export TEST_HARBOR_TOKEN_REGISTRY=127.0.0.1:$TOKEN_REGISTRY_PORT
export TEST_HARBOR_CORE=127.0.0.1:$HARBOR_CORE_PORT
export TEST_TOKEN_REALM=http://127.0.0.1:$HARBOR_CORE_PORT/service/token
export TEST_TOKEN_LIFETIME=$TOKEN_LIFETIME
export TEST_GATEWAY=127.0.0.1:$GATEWAY_PORT
export TEST_BUFFERING_GATEWAY=127.0.0.1:$BUFFERING_GATEWAY_PORT
ENV
  if [ -n "$TLS_HOST" ]; then
    echo "export TEST_TLS_REGISTRY=$TLS_HOST:$TLS_PORT"
    echo "export TEST_TLS_CA=$STACK_DIR/tls/ca.crt"
  fi
}

start() {
  for tool in dockerd docker-registry htpasswd nginx curl openssl "$STACK_JAVA"; do
    command -v "$tool" >/dev/null || die "$tool not found; run: $0 install"
  done
  mkdir -p "$STACK_DIR/docker-config"
  chmod 700 "$STACK_DIR/docker-config"
  start_dockerd
  start_registry
  start_tls_registry
  start_token_registry
  start_harbor_core
  start_deny_proxy
}

up() {
  install_packages
  start
  build_images
  print_env >"$ENV_FILE"
  print_env
  log "up: dockerd unix://$SOCK, registry 127.0.0.1:$REGISTRY_PORT, deny proxy 127.0.0.1:$DENY_PORT, Harbor look-alike 127.0.0.1:$HARBOR_PORT, token registry 127.0.0.1:$TOKEN_REGISTRY_PORT behind Harbor core 127.0.0.1:$HARBOR_CORE_PORT, gateways 127.0.0.1:$GATEWAY_PORT (streaming) and 127.0.0.1:$BUFFERING_GATEWAY_PORT (buffering)"
}

stop_pid() { # stop_pid PIDFILE NAME
  local pidfile=$1 name=$2
  alive "$pidfile" || { rm -f "$pidfile"; return 0; }
  local pid; pid=$(cat "$pidfile")
  log "stopping $name ($pid)"
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$pidfile"
}

# A crash, not a stop: no chance to finish requests or clean up. dockerd's containerd lives on and
# the restarted dockerd takes it over, as after a real crash.
kill_component() {
  local pidfile
  case "${1:-}" in
    dockerd) pidfile=$STACK_DIR/dkr/pid ;;
    registry) pidfile=$STACK_DIR/reg/pid ;;
    tls-registry) pidfile=$STACK_DIR/tls/pid ;;
    proxy) pidfile=$STACK_DIR/ngx/pid ;;
    token-registry) pidfile=$STACK_DIR/treg/pid ;;
    harbor-core) pidfile=$STACK_DIR/core/pid ;;
    *) die "kill what? dockerd, registry, tls-registry, proxy, token-registry or harbor-core" ;;
  esac
  alive "$pidfile" || return 0
  local pid; pid=$(cat "$pidfile")
  log "killing ${1} ($pid)"
  kill -9 "$pid"
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
}

stop() {
  stop_pid "$STACK_DIR/ngx/pid" "deny proxy and gateways"
  stop_pid "$STACK_DIR/core/pid" "Harbor core stand-in"
  stop_pid "$STACK_DIR/treg/pid" "token registry"
  stop_pid "$STACK_DIR/tls/pid" "TLS registry"
  stop_pid "$STACK_DIR/reg/pid" "registry"
  stop_pid "$STACK_DIR/dkr/pid" "dockerd"
  rm -f "$ENV_FILE"
}

empty_registry() {
  stop_pid "$STACK_DIR/reg/pid" "registry"
  rm -rf "$STACK_DIR/reg/storage"
  start_registry
}

status() {
  local rc=0
  alive "$STACK_DIR/dkr/pid" && echo "dockerd: running" || { echo "dockerd: stopped"; rc=1; }
  alive "$STACK_DIR/reg/pid" && echo "registry: running" || { echo "registry: stopped"; rc=1; }
  alive "$STACK_DIR/ngx/pid" && echo "deny proxy and gateways: running" || { echo "deny proxy and gateways: stopped"; rc=1; }
  alive "$STACK_DIR/treg/pid" && echo "token registry: running" || { echo "token registry: stopped"; rc=1; }
  alive "$STACK_DIR/core/pid" && echo "Harbor core stand-in: running" || { echo "Harbor core stand-in: stopped"; rc=1; }
  if [ -n "$TLS_HOST" ]; then
    alive "$STACK_DIR/tls/pid" && echo "TLS registry: running" || { echo "TLS registry: stopped"; rc=1; }
  fi
  return $rc
}

case "${1:-}" in
  install) install_packages ;;
  up) up ;;
  start) start ;;
  kill) kill_component "${2:-}" ;;
  env) print_env ;;
  stop) stop ;;
  empty-registry) empty_registry ;;
  status) status ;;
  *) echo "usage: $0 install|up|start|kill COMPONENT|env|stop|empty-registry|status" >&2; exit 2 ;;
esac
