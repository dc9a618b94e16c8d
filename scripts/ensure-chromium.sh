# Sourced by scripts/test.sh: finds a Chromium for Playwright and exports CHROMIUM_PATH, and makes sure
# a Java runtime is there for the HTML validator.
# Order: $CHROMIUM_PATH, Debian's /usr/bin/chromium, Playwright's own download. When none is there and
# we run as root on Debian, installs chromium and fonts-noto-cjk with apt; otherwise stops with one line.
find_chromium() {
  if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ]; then return 0; fi
  for candidate in /usr/bin/chromium /usr/bin/chromium-browser; do
    if [ -x "$candidate" ]; then CHROMIUM_PATH=$candidate; return 0; fi
  done
  local own
  own=$(node -e "try{const p=require('playwright-core').chromium.executablePath();if(require('fs').existsSync(p))console.log(p)}catch{}" 2>/dev/null)
  if [ -n "$own" ]; then CHROMIUM_PATH=$own; return 0; fi
  return 1
}

if ! find_chromium; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "No Chromium found: installing chromium and fonts-noto-cjk with apt-get…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
  fi
  if ! find_chromium; then
    echo "No Chromium found. Install it (Debian: sudo apt-get install -y chromium fonts-noto-cjk) or set CHROMIUM_PATH." >&2
    exit 1
  fi
fi
export CHROMIUM_PATH

# The HTML validation test runs the Nu Html Checker (vnu-jar), which needs a Java runtime.
if ! command -v java >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "No Java found: installing default-jre-headless with apt-get…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null
  fi
  if ! command -v java >/dev/null 2>&1; then
    echo "No Java found. Install it (Debian: sudo apt-get install -y default-jre-headless): the HTML validator needs it." >&2
    exit 1
  fi
fi
