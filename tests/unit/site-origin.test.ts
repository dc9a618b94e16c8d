import { describe, expect, it } from "vitest";
import { originConfig, originFromHeaders, trustedForwarding } from "@/lib/site-origin";

const headers = (values: Record<string, string>) => new Headers(values);
const reader = (values: Record<string, string>) => (name: string) => values[name];

describe("the public origin's configuration", () => {
  it("is PUBLIC_ORIGIN, else AUTH_URL, as an origin; none when neither is an http(s) address", () => {
    expect(originConfig({ PUBLIC_ORIGIN: "https://tian.example.gov.cn/", AUTH_URL: "https://other.example" }).publicOrigin).toBe(
      "https://tian.example.gov.cn",
    );
    expect(originConfig({ AUTH_URL: "https://tian.example.gov.cn/api/auth" }).publicOrigin).toBe("https://tian.example.gov.cn");
    expect(originConfig({}).publicOrigin).toBeNull();
    expect(originConfig({ PUBLIC_ORIGIN: "javascript:alert(1)" }).publicOrigin).toBeNull();
    expect(originConfig({ PUBLIC_ORIGIN: "not a url" }).publicOrigin).toBeNull();
  });
  it("trusts forwarded headers only with TRUST_PROXY", () => {
    expect(originConfig({}).trustProxy).toBe(false);
    expect(originConfig({ TRUST_PROXY: "1" }).trustProxy).toBe(true);
    expect(originConfig({ TRUST_PROXY: "0" }).trustProxy).toBe(false);
  });
});

describe("the forwarded host the server believes (the front server sets it before Next sees the request)", () => {
  const forged = { host: "127.0.0.1:3000", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" };
  it("without configuration or a trusted proxy: the Host the client connected to, never a client's X-Forwarded-Host", () => {
    expect(trustedForwarding(reader(forged), originConfig({}))).toEqual({ host: "127.0.0.1:3000", proto: "https" });
    expect(trustedForwarding(reader({ host: "localhost:3206" }), originConfig({}))).toEqual({ host: "localhost:3206", proto: "http" });
    // A real name reached over plain http (an intranet without TLS): links stay http.
    expect(trustedForwarding(reader({ host: "tian.gxq.gov.example" }), originConfig({}))).toEqual({
      host: "tian.gxq.gov.example",
      proto: "http",
    });
  });
  it("with a configured origin: its host and protocol, whatever the request says", () => {
    expect(trustedForwarding(reader(forged), originConfig({ PUBLIC_ORIGIN: "https://tian.example.gov.cn" }))).toEqual({
      host: "tian.example.gov.cn",
      proto: "https",
    });
    expect(
      trustedForwarding(reader({ ...forged, "x-forwarded-proto": "http" }), originConfig({ AUTH_URL: "https://tian.example.gov.cn:8443" })),
    ).toEqual({
      host: "tian.example.gov.cn:8443",
      proto: "https",
    });
  });
  it("behind a trusted proxy: the proxy's X-Forwarded-Host (its first entry), else the Host", () => {
    const proxied = { host: "10.0.0.5:3000", "x-forwarded-host": "tian.example.gov.cn, internal", "x-forwarded-proto": "https" };
    expect(trustedForwarding(reader(proxied), originConfig({ TRUST_PROXY: "1" }))).toEqual({ host: "tian.example.gov.cn", proto: "https" });
    expect(trustedForwarding(reader({ host: "10.0.0.5:3000" }), originConfig({ TRUST_PROXY: "1" }))).toEqual({
      host: "10.0.0.5:3000",
      proto: "http",
    });
  });
  it("a value that is no host (a path, credentials, spaces, markup) is not passed on", () => {
    for (const bad of ["evil.example/path", "user@evil.example", "a b", "<x>", "evil.example:99999x", ""]) {
      expect(trustedForwarding(reader({ host: bad }), originConfig({})).host, bad).toBeNull();
      expect(trustedForwarding(reader({ host: "ok.example", "x-forwarded-host": bad }), originConfig({ TRUST_PROXY: "1" })).host, bad).toBe(
        "ok.example",
      );
    }
    expect(trustedForwarding(reader({ host: "[::1]:3000" }), originConfig({})).host).toBe("[::1]:3000");
    expect(trustedForwarding(reader({ host: "a", "x-forwarded-proto": "gopher" }), originConfig({})).proto).toBe("http");
  });
});

describe("the origin absolute links use", () => {
  it("is the configured one, whatever the headers say", () => {
    expect(
      originFromHeaders(
        headers({ host: "evil.example", "x-forwarded-host": "evil.example" }),
        originConfig({ PUBLIC_ORIGIN: "https://tian.example.gov.cn" }),
      ),
    ).toBe("https://tian.example.gov.cn");
  });
  it("else the forwarded host as the front server left it, or the Host", () => {
    expect(
      originFromHeaders(
        headers({ host: "127.0.0.1:3206", "x-forwarded-host": "localhost:3206", "x-forwarded-proto": "http" }),
        originConfig({}),
      ),
    ).toBe("http://localhost:3206");
    expect(originFromHeaders(headers({ host: "127.0.0.1:3206" }), originConfig({}))).toBe("http://127.0.0.1:3206");
    expect(originFromHeaders(headers({ host: "tian.example.gov.cn" }), originConfig({}))).toBe("https://tian.example.gov.cn");
  });
});
