# Sourced by scripts/test.sh: makes sure Debian's nginx is there for the multi-instance test
# (playwright.multi.config.ts, which runs nginx itself as an ordinary process on a loopback port).
# Order: $NGINX_PATH, nginx on PATH, /usr/sbin/nginx. When none is there and we run as root on Debian, installs
# nginx with apt; otherwise says so in one line and goes on: that test then fails with the same instruction
# (it never skips).
find_nginx() {
  if [ -n "${NGINX_PATH:-}" ] && [ -x "$NGINX_PATH" ]; then return 0; fi
  command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ]
}

if ! find_nginx && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "No nginx found: installing nginx with apt-get…"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null
fi
if ! find_nginx; then
  echo "No nginx found: the multi-instance test will fail. Install it (Debian: sudo apt-get install -y nginx) or set NGINX_PATH." >&2
fi
