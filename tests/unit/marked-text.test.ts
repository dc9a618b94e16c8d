import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { MarkedText } from "@/lib/marked-text";

const MARK = "PLACEHOLDER-NONCE-0123456789";
const page = [
  `<html><head><script nonce="${MARK}">self.__next_f=[]</script></head>`,
  `<body>${"<tr><td>关于加快科技成果转化中试平台建设的建议</td><td>2026-03-01</td></tr>".repeat(2000)}`,
  `<script nonce="${MARK}" src="/a.js"></script><p>${MARK}</p></body></html>`,
].join("");

describe("MarkedText", () => {
  it("fills every place of the marker with the value", () => {
    const text = MarkedText.of(page, MARK);
    expect(text.filled("abc").toString()).toBe(page.replaceAll(MARK, "abc"));
    expect(text.filled("").toString()).toBe(page.replaceAll(MARK, ""));
  });

  it("gzips to exactly the filled text, for different values, as zlib reads it", () => {
    const text = MarkedText.of(page, MARK);
    for (const value of ["n0nce+/=", "另一个值", "x".repeat(300)]) {
      const gz = text.gzipped(value);
      expect(zlib.gunzipSync(gz).toString()).toBe(page.replaceAll(MARK, value));
      // One gzip member that ends where the data ends (no trailing garbage, checksum and length checked by zlib).
      expect(gz.readUInt32LE(gz.length - 4)).toBe(Buffer.byteLength(page.replaceAll(MARK, value)));
    }
  });

  it("compresses the page as gzip would", () => {
    const text = MarkedText.of(page, MARK);
    const gz = text.gzipped("abc");
    expect(gz.length).toBeLessThan(zlib.gzipSync(page).length * 1.2);
    expect(gz.length).toBeLessThan(Buffer.byteLength(page) / 10);
  });

  it("works for a text without the marker, at the edges, and empty", () => {
    for (const t of ["no marker here", `${MARK}at the start`, `at the end${MARK}`, `${MARK}${MARK}`, ""]) {
      const text = MarkedText.of(t, MARK);
      expect(zlib.gunzipSync(text.gzipped("v")).toString()).toBe(t.replaceAll(MARK, "v"));
    }
  });

  it("refuses a value too long for one stored block", () => {
    expect(() => MarkedText.of(page, MARK).gzipped("x".repeat(70_000))).toThrow(RangeError);
  });
});
