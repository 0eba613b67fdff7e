# Shared by the PostgreSQL benchmarks (source it): a psql helper, the generated `orders` table
# and an etl-builder connection to the benchmark server.
#   needs: $url (the server), $rows, $binary, $work

sql() { PGOPTIONS="-c client_min_messages=warning" psql "$url" -X -q -v ON_ERROR_STOP=1 -At "$@"; }
now() { date +%s.%N; }

# bench.orders with $rows rows (bigint id primary key, int customer_id, numeric(12,2) amount, text
# status, timestamptz created_at, text note, and smallint, real, varchar, boolean, date, uuid,
# jsonb columns), generated once and kept between runs.
ensure_orders() {
  local existing=-1
  if [[ "$(sql -c "SELECT to_regclass('bench.orders') IS NOT NULL")" == t ]]; then existing=$(sql -c "SELECT count(*) FROM bench.orders"); fi
  [[ "$existing" == "$rows" ]] && return
  echo "Generating $rows orders…"
  sql <<SQL
DROP SCHEMA IF EXISTS bench CASCADE;
CREATE SCHEMA bench;
CREATE TABLE bench.orders (
  id bigint PRIMARY KEY, customer_id integer NOT NULL, amount numeric(12,2) NOT NULL, status text NOT NULL,
  created_at timestamptz NOT NULL, note text, quantity smallint, discount real, sku varchar(32), is_gift boolean,
  ship_date date, reference uuid, attributes jsonb);
INSERT INTO bench.orders
SELECT g, (g::bigint * 7919 % 100000)::int, round((random() * 10000)::numeric, 2), (ARRAY['new', 'paid', 'shipped', 'cancelled'])[1 + g % 4],
       timestamptz '2025-01-01 00:00:00+00' + g * interval '1.5 second',
       CASE WHEN g % 5 = 0 THEN NULL ELSE 'note ' || md5(g::text) END, (g % 20)::smallint, (g % 7) / 10.0,
       'SKU-' || (g % 5000), g % 11 = 0, date '2025-01-01' + (g % 365),
       md5(g::text)::uuid, jsonb_build_object('channel', CASE WHEN g % 2 = 0 THEN 'web' ELSE 'store' END, 'items', g % 9)
FROM generate_series(1, $rows) AS g;
VACUUM ANALYZE bench.orders;
SQL
}

# An etl-builder connection `bench-pg` to $url in the data directory $work/data.
create_bench_connection() {
  local config
  config=$(python3 - "$url" <<'PY'
import json, sys, urllib.parse
u = urllib.parse.urlparse(sys.argv[1])
print(json.dumps({"host": u.hostname, "port": u.port or 5432, "database": u.path.lstrip("/"),
                  "username": urllib.parse.unquote(u.username or ""), "password": urllib.parse.unquote(u.password or ""),
                  "ssl_mode": "disable"}))
PY
)
  mkdir -p "$work/data"
  export ETL_BUILDER_DATA_DIRECTORY="$work/data"
  "$binary" connection delete bench-pg >/dev/null 2>&1 || true
  "$binary" connection create --name bench-pg --type postgres --config "$config" >/dev/null
}
