#!/usr/bin/env bash
# Installs etl-builder as a systemd service.
#
#   sudo scripts/install.sh                       # build (release) and install under /usr/local
#   PREFIX=/usr DESTDIR=/tmp/pkg scripts/install.sh   # stage a package tree
#   BINARY=.build/release/etl-builder scripts/install.sh   # install an already built binary
#
# Variables: PREFIX (default /usr/local), DESTDIR (default empty: the live system), SYSCONFDIR
# (default /etc), BINARY (skip the build and install this file).
#
# Lays out:
#   $PREFIX/bin/etl-builder
#   $PREFIX/lib/systemd/system/etl-builder.{service,socket}   (ExecStart points at $PREFIX/bin)
#   $PREFIX/lib/sysusers.d/etl-builder.conf
#   $PREFIX/share/etl-builder/migrations/…
#   $SYSCONFDIR/etl-builder/config.yaml      never overwritten: a changed default lands next to it
#                                            as config.yaml.new
# On the live system (no DESTDIR) it also creates the etl-builder user, generates the JWT and
# secrets keys the unit loads as credentials (only when missing) and reloads systemd.
set -euo pipefail
cd "$(dirname "$0")/.."

PREFIX=${PREFIX:-/usr/local}
DESTDIR=${DESTDIR:-}
SYSCONFDIR=${SYSCONFDIR:-/etc}
BINARY=${BINARY:-}

if [[ -z "$BINARY" ]]; then
    echo "== release build"
    swift build -c release --product etl-builder
    BINARY="$(swift build -c release --show-bin-path)/etl-builder"
fi

bindir="$DESTDIR$PREFIX/bin"
unitdir="$DESTDIR$PREFIX/lib/systemd/system"
sysusersdir="$DESTDIR$PREFIX/lib/sysusers.d"
sharedir="$DESTDIR$PREFIX/share/etl-builder"
confdir="$DESTDIR$SYSCONFDIR/etl-builder"

echo "== binary → $bindir"
install -D -m 0755 "$BINARY" "$bindir/etl-builder"

echo "== units → $unitdir"
install -d -m 0755 "$unitdir"
sed "s|/usr/local/bin/etl-builder|$PREFIX/bin/etl-builder|g; s|/etc/etl-builder|$SYSCONFDIR/etl-builder|g" \
    systemd/etl-builder.service > "$unitdir/etl-builder.service"
chmod 0644 "$unitdir/etl-builder.service"
install -m 0644 systemd/etl-builder.socket "$unitdir/etl-builder.socket"
install -D -m 0644 systemd/etl-builder.sysusers "$sysusersdir/etl-builder.conf"

echo "== migrations → $sharedir/migrations"
install -d -m 0755 "$sharedir/migrations"
cp -R migrations/. "$sharedir/migrations/"

echo "== configuration → $confdir"
install -d -m 0755 "$confdir"
if [[ ! -e "$confdir/config.yaml" ]]; then
    install -m 0644 etc/etl-builder/config.yaml "$confdir/config.yaml"
elif ! cmp -s etc/etl-builder/config.yaml "$confdir/config.yaml"; then
    install -m 0644 etc/etl-builder/config.yaml "$confdir/config.yaml.new"
    echo "   kept your $SYSCONFDIR/etl-builder/config.yaml; the new default is config.yaml.new"
fi

if [[ -n "$DESTDIR" ]]; then
    echo "== staged in $DESTDIR: on the target, run systemd-sysusers, create the credentials"
    echo "   ($SYSCONFDIR/etl-builder/credentials/{jwt-secret,secrets-key}) and systemctl daemon-reload"
    exit 0
fi

echo "== user etl-builder"
systemd-sysusers "$sysusersdir/etl-builder.conf"

echo "== credentials → $confdir/credentials"
install -d -m 0700 "$confdir/credentials"
for key in jwt-secret secrets-key; do
    if [[ ! -e "$confdir/credentials/$key" ]]; then
        (umask 077; head -c 32 /dev/urandom | base64 > "$confdir/credentials/$key")
        echo "   generated $key"
    fi
done

if [[ -d /run/systemd/system ]]; then
    systemctl daemon-reload
fi
echo "== done: systemctl enable --now etl-builder.service   (journalctl -u etl-builder -f to follow)"
