/**
 * The HTTP security headers of every response, in one place: the front server (server/main.ts) adds the per-request
 * Content-Security-Policy (with its nonce) and next.config.ts the fixed ones for every path.
 */

/** Every directive but script-src: styles allow inline attributes (React's `style={…}` and the letter's typesetting use them, and they cannot run code). */
const OTHER_DIRECTIVES = [
  "default-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "media-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
];

/**
 * Scripts run only with the response's nonce ('strict-dynamic' lets those load Next's chunks);
 * no inline script without it, no eval.
 */
export function contentSecurityPolicy(nonce: string, options: { development?: boolean } = {}): string {
  const scripts = `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`;
  return [OTHER_DIRECTIVES[0], scripts, ...OTHER_DIRECTIVES.slice(1)].join("; ");
}

/**
 * The public site's pages as the front server answers them: no Next runtime, only the site's own same-origin script
 * (public/open-reader.js), so no nonce — the same HTML can be answered to everyone and kept by a shared cache.
 */
export function publicContentSecurityPolicy(): string {
  return [OTHER_DIRECTIVES[0], "script-src 'self'", ...OTHER_DIRECTIVES.slice(1)].join("; ");
}

/** A fresh nonce: 128 random bits, base64. */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

/** Fixed headers for every response. HSTS only in production: a local http demo must not pin https. */
export function fixedSecurityHeaders(production: boolean): { key: string; value: string }[] {
  return [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
    ...(production ? [{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }] : []),
  ];
}
