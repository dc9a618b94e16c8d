import { describe, expect, it } from "vitest";
import { ACCOUNTS } from "@/db/demo/reference";
import { normalisePhone } from "@/lib/phone";
import { updateUserInput } from "@/lib/validation/admin";

describe("phone numbers as letters write them (lib/phone.ts)", () => {
  it.each([
    ["023—63211234", "023—63211234"],
    ["023-63211234", "023—63211234"],
    ["023-6321 1234", "023—63211234"],
    ["(023)63211234", "023—63211234"],
    ["（023）6321-1234", "023—63211234"],
    ["０２３－６３２１１２３４", "023—63211234"],
    ["023—63211234转8001", "023—63211234转8001"],
    ["023-63211234-8001", "023—63211234转8001"],
    ["023 6321 1234 分机 8001", "023—63211234转8001"],
    ["010-12345678", "010—12345678"],
    ["0851-8765432", "0851—8765432"],
    ["13800138000", "13800138000"],
    ["138 0013 8000", "13800138000"],
    ["+86 138-0013-8000", "13800138000"],
    ["+86 23 6321 1234", "023—63211234"],
    ["63211234", "63211234"],
    ["12345", "12345"],
    ["400-810-8888", "400—810—8888"],
  ])("reads %j as %j", (input, stored) => {
    expect(normalisePhone(input)).toBe(stored);
  });

  it.each(["call me", "023", "023—6321", "1380013800", "023—63211234转", "023—63211234 ext 1234567", "0123456789012345"])(
    "refuses %j",
    (input) => {
      expect(normalisePhone(input)).toBeNull();
    },
  );

  it("saves every demo user's phone unchanged", () => {
    const phones = ACCOUNTS.flatMap((a) => (a.phone ? [a.phone] : []));
    expect(phones.length).toBeGreaterThan(5);
    for (const phone of phones) {
      const form = { id: "7", displayName: "张三", role: "handler", unitId: "2", title: "", phone, email: "" };
      expect(updateUserInput.parse(form).phone).toBe(phone);
    }
  });
});
