import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, fixedSecurityHeaders, newNonce } from "@/lib/security-headers";

describe("contentSecurityPolicy", () => {
  it("allows scripts only with the nonce, never inline or eval in production", () => {
    const policy = contentSecurityPolicy("abc123==");
    const scripts = policy.split("; ").find((d) => d.startsWith("script-src"));
    expect(scripts).toBe("script-src 'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("base-uri 'self'");
  });
  it("adds eval only for the development server", () => {
    expect(contentSecurityPolicy("n", { development: true })).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy("n")).not.toContain("unsafe-eval");
  });
});

describe("newNonce", () => {
  it("is 128 random bits in base64, different each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe("fixedSecurityHeaders", () => {
  const names = (production: boolean) => fixedSecurityHeaders(production).map((h) => h.key);
  it("sends HSTS in production only", () => {
    expect(names(true)).toContain("Strict-Transport-Security");
    expect(names(false)).not.toContain("Strict-Transport-Security");
  });
  it("always forbids sniffing and framing", () => {
    expect(fixedSecurityHeaders(false)).toEqual(
      expect.arrayContaining([
        { key: "X-Content-Type-Options", value: "nosniff" },
        { key: "X-Frame-Options", value: "DENY" },
      ]),
    );
  });
});
