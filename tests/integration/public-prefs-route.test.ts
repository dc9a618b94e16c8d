import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/open/prefs/route";

/**
 * The 繁體版/关怀版 toggles answer with a path, not an absolute URL: the server does not know the
 * origin the visitor used (it runs behind proxies and under any host name), the browser does.
 */
describe("GET /open/prefs", () => {
  // Next builds request.nextUrl from the host it was started with, not from the visitor's Host.
  const request = (query: string, headers: Record<string, string>) =>
    new NextRequest(`http://localhost:3000/open/prefs?${query}`, { headers });

  it("returns to the page the visitor came from on the visitor's own origin", () => {
    const response = GET(request("lang=hant", { host: "tian.example.gov.cn", referer: "https://tian.example.gov.cn/open/42?x=1" }));
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/open/42?x=1");
    expect(response.headers.get("set-cookie")).toContain("open-lang=hant");
  });

  it("returns to the public list when the referer is another site or absent", () => {
    expect(GET(request("care=1", { host: "127.0.0.1:3100", referer: "https://evil.example/open/1" })).headers.get("location")).toBe(
      "/open",
    );
    expect(GET(request("care=0", { host: "127.0.0.1:3100" })).headers.get("location")).toBe("/open");
  });
});
