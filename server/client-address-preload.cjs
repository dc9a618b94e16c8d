/**
 * Loaded into the Next.js server by the start script (node --require). Next.js copies the socket's
 * address into X-Forwarded-For only when a request does not already carry that header, so without a
 * proxy in front any client could claim any address and slip past the per-address sign-in limit.
 * Unless TRUST_PROXY names the proxies in front (they append the real address; lib/client-address.ts
 * reads theirs), every request's X-Forwarded-For is replaced here by the socket's own address.
 */
"use strict";
const http = require("node:http");

function trustsProxy(value) {
  const v = String(value ?? "")
    .trim()
    .toLowerCase();
  if (v === "true" || v === "yes" || v === "on") return true;
  const n = Number(v);
  return v !== "" && Number.isSafeInteger(n) && n > 0;
}

if (!trustsProxy(process.env.TRUST_PROXY)) {
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (event, req, ...rest) {
    if (event === "request" && req && req.headers) {
      const address = req.socket?.remoteAddress;
      if (address) req.headers["x-forwarded-for"] = address;
      else delete req.headers["x-forwarded-for"];
    }
    return emit.call(this, event, req, ...rest);
  };
}
