/**
 * For a server an end-to-end test starts (node --require, through NODE_OPTIONS): the host names listed in
 * E2E_LOOPBACK_NAMES (comma-separated) resolve to 127.0.0.1, as the browser's --host-resolver-rules map them,
 * so that the server reaches a test service by the same real-looking name the browser uses (e2e/sso.spec.ts:
 * the identity platform, whose issuer is that name). Node's connections, fetch's included, look names up
 * through dns.lookup. Test-only: a deployment resolves its names through DNS.
 */
"use strict";
const dns = require("node:dns");

const names = new Set(
  String(process.env.E2E_LOOPBACK_NAMES ?? "")
    .split(",")
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean),
);

if (names.size > 0) {
  const lookup = dns.lookup;
  dns.lookup = function (hostname, options, callback) {
    const cb = typeof options === "function" ? options : callback;
    const opts = typeof options === "function" || options == null ? {} : typeof options === "number" ? { family: options } : options;
    if (!names.has(String(hostname).toLowerCase())) return lookup.call(this, hostname, opts, cb);
    if (opts.all) process.nextTick(cb, null, [{ address: "127.0.0.1", family: 4 }]);
    else process.nextTick(cb, null, "127.0.0.1", 4);
  };
}
