# Sourced by scripts that need a throwaway PostgreSQL (Debian's `postgresql`, which setup.sh
# installs): `start_postgres` initializes a cluster in a directory of its own, starts it on a free
# loopback port (no socket elsewhere, trust authentication for the role `cascade`, nothing reachable
# from outside the machine) and waits until it accepts connections; `stop_postgres` (put it in
# the script's EXIT trap) stops it and removes the directory. Sets POSTGRES_URL (postgres://cascade@127.0.0.1:<port>/postgres)
# and POSTGRES_DIR. PostgreSQL refuses to run as root: as root, the cluster runs as the system's
# `postgres` user. `start_postgres DIR` keeps the cluster in DIR (made the first time, kept by
# `stop_postgres`: the testnet's indexer database outlives a restart).
start_postgres() {
	local bin
	bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
	[ -x "$bin/initdb" ] || { echo "PostgreSQL is not installed (./scripts/setup.sh installs it)"; exit 1; }
	if [ -n "${1:-}" ]; then
		POSTGRES_DIR="$1"
		POSTGRES_KEEP=1
		mkdir -p "$POSTGRES_DIR"
		chmod 700 "$POSTGRES_DIR"
	else
		POSTGRES_DIR="$(mktemp -d)"
		POSTGRES_KEEP=0
	fi
	local as=()
	if [ "$(id -u)" = 0 ]; then
		chown postgres: "$POSTGRES_DIR"
		as=(runuser -u postgres --)
	fi
	local port
	port="$(python3 -c 'import socket,random
for _ in range(200):
    p = random.randint(20000, 32000)
    s = socket.socket()
    try:
        s.bind(("127.0.0.1", p)); print(p); break
    except OSError: pass
    finally: s.close()')"
	if [ ! -s "$POSTGRES_DIR/data/PG_VERSION" ]; then
		"${as[@]}" "$bin/initdb" -D "$POSTGRES_DIR/data" -U cascade --auth=trust --encoding=UTF8 --no-locale \
			>"$POSTGRES_DIR/initdb.log" 2>&1 || { cat "$POSTGRES_DIR/initdb.log"; exit 1; }
	fi
	"${as[@]}" "$bin/pg_ctl" -D "$POSTGRES_DIR/data" -l "$POSTGRES_DIR/data/server.log" -w -t 60 \
		-o "-c listen_addresses=127.0.0.1 -p $port -k $POSTGRES_DIR/data -c fsync=on" start >/dev/null ||
		{ tail -30 "$POSTGRES_DIR/data/server.log"; exit 1; }
	POSTGRES_BIN="$bin"
	POSTGRES_AS=("${as[@]}")
	POSTGRES_URL="postgres://cascade@127.0.0.1:$port/postgres"
	export POSTGRES_URL
}

stop_postgres() {
	[ -n "${POSTGRES_DIR:-}" ] || return 0
	"${POSTGRES_AS[@]}" "$POSTGRES_BIN/pg_ctl" -D "$POSTGRES_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
	[ "${POSTGRES_KEEP:-0}" = 1 ] || rm -rf "$POSTGRES_DIR"
}
