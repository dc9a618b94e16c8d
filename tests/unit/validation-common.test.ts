import { describe, expect, it } from "vitest";
import { z } from "zod";
import { checkbox, fieldErrorsOf, optionalId, optionalText, requiredText, wholeNumber } from "@/lib/validation/common";

describe("form field schemas", () => {
  const name = requiredText("单位名称", 10);
  it("trims and requires text, with a Chinese message", () => {
    expect(name.parse("  科技局 ")).toBe("科技局");
    expect(name.safeParse("   ").error?.issues[0]?.message).toBe("请填写单位名称");
    expect(name.safeParse(undefined).error?.issues[0]?.message).toBe("请填写单位名称");
    expect(name.safeParse("一二三四五六七八九十十").error?.issues[0]?.message).toBe("单位名称不能超过 10 个字");
  });
  it("refuses control characters and lone surrogates", () => {
    expect(name.safeParse("科技\u0000局").success).toBe(false);
    expect(name.safeParse("科技\uD800局").success).toBe(false);
    // A right-to-left override makes "局fdp.exe" display as "局exe.pdf".
    expect(name.safeParse("科技\u202E局").success).toBe(false);
    expect(name.safeParse("科技\u2066局").success).toBe(false);
    expect(name.safeParse("科技😀局").success).toBe(true);
    expect(name.safeParse("第一行\n第二行").success).toBe(true);
  });
  it("turns empty optional text into null", () => {
    const phone = optionalText("电话", 5);
    expect(phone.parse("")).toBeNull();
    expect(phone.parse(undefined)).toBeNull();
    expect(phone.parse(" 123 ")).toBe("123");
    expect(phone.safeParse("123456").success).toBe(false);
  });
  it("reads checkboxes, numbers and optional ids", () => {
    expect(checkbox.parse("on")).toBe(true);
    expect(checkbox.parse(undefined)).toBe(false);
    expect(wholeNumber("年度", 2000, 2100).parse("2023")).toBe(2023);
    expect(wholeNumber("年度", 2000, 2100).safeParse("1e10").success).toBe(false);
    expect(wholeNumber("年度", 2000, 2100).safeParse("20.5").error?.issues[0]?.message).toBe("年度必须是整数");
    expect(optionalId("单位").parse("")).toBeNull();
    expect(optionalId("单位").parse("12")).toBe(12);
    expect(optionalId("单位").safeParse("-3").success).toBe(false);
    expect(optionalId("单位").safeParse("x").error?.issues[0]?.message).toBe("单位必须是整数");
    // A form without the field at all (not sent by the browser, but by hand) means none as well.
    expect(z.object({ unitId: optionalId("单位") }).parse({})).toEqual({ unitId: null });
  });
  it("reports the first error of each field", () => {
    const schema = z.object({ a: requiredText("甲", 3), b: requiredText("乙", 3) });
    const result = schema.safeParse({ a: "", b: "四五六七" });
    expect(fieldErrorsOf(result.error!)).toEqual({ a: "请填写甲", b: "乙不能超过 3 个字" });
  });
});
