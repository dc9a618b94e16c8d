# Sourced by scripts/test.sh: Debian's pdfsig (poppler-utils), which the signature tests run to validate signed letters, and its pdftotext, which reads the year's report
# (tests/unit/pdf-signature.test.ts, tests/integration/letter-signatures.test.ts). As root on Debian it is installed
# with apt; otherwise the test run stops with one line.
if ! command -v pdfsig >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "No pdfsig found: installing poppler-utils with apt-get…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null
  fi
  if ! command -v pdfsig >/dev/null 2>&1; then
    echo "No pdfsig found. Install it (Debian: sudo apt-get install -y poppler-utils): the signature tests need it." >&2
    exit 1
  fi
fi
