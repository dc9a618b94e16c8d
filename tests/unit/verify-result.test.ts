/** /open/verify's answer in the address (lib/signing/verify-result.ts) and the verdict it carries (lib/signing/verdict.ts). */
import { describe, expect, it } from "vitest";
import { letterVerdict } from "@/lib/signing/verdict";
import { readVerifyResult, signVerifyResult } from "@/lib/signing/verify-result";

const SECRET = "unit-test-secret";
const issued = {
  certificateSha256: "a",
  unitName: "重庆高新区科技创新局",
  docNumber: "渝高新科函〔2026〕4号",
  writtenOn: "2026-05-16",
  proposalTitle: "关于…",
};
const signed = { kind: "signed" as const, certificates: ["a"], signer: "a", intact: true, wholeFile: true };
const units = new Map([["a", "重庆高新区科技创新局"]]);

describe("letterVerdict", () => {
  it("is genuine only with an intact whole-file signature by a unit certificate over an issued file", () => {
    expect(letterVerdict(signed, units, issued)).toMatchObject({ kind: "genuine", docNumber: "渝高新科函〔2026〕4号" });
    expect(letterVerdict({ ...signed, intact: false }, units, issued)).toEqual({ kind: "altered", unitName: "重庆高新区科技创新局" });
    expect(letterVerdict({ ...signed, wholeFile: false }, units, issued)).toMatchObject({ kind: "altered" });
    expect(letterVerdict(signed, units, null)).toMatchObject({ kind: "altered" });
    expect(letterVerdict(signed, units, { ...issued, certificateSha256: "b" })).toMatchObject({ kind: "altered" });
  });

  it("is not this system's without a signature or without a unit certificate", () => {
    expect(letterVerdict({ kind: "unsigned" }, units, null)).toEqual({ kind: "foreign" });
    expect(letterVerdict({ ...signed, certificates: ["z"], signer: "z" }, units, null)).toEqual({ kind: "foreign" });
  });
});

describe("verify result tokens", () => {
  const result = { kind: "altered" as const, unitName: "重庆高新区科技创新局", sha256: "00" };
  it("reads back what was signed, until it expires", () => {
    const token = signVerifyResult(result, SECRET, 1_000);
    expect(readVerifyResult(token, SECRET, 2_000)).toEqual(result);
    expect(readVerifyResult(token, SECRET, 1_000 + 3_600_001)).toBeNull();
  });

  it("refuses a changed answer or another secret", () => {
    const token = signVerifyResult(result, SECRET, 1_000);
    const [payload, mac] = token.split(".");
    const forged = Buffer.from(JSON.stringify({ kind: "genuine", exp: 9e15 })).toString("base64url");
    expect(readVerifyResult(`${forged}.${mac}`, SECRET, 2_000)).toBeNull();
    expect(readVerifyResult(`${payload}.${mac}`, "other", 2_000)).toBeNull();
    expect(readVerifyResult("garbage", SECRET, 2_000)).toBeNull();
  });
});
