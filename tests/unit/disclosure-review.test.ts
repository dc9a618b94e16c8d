/** 公开审查: planted personal information of each kind is found; near misses are not. */
import { describe, expect, it } from "vitest";
import {
  disclosureGate,
  excerpt,
  isIdNumber,
  maskedFinding,
  passesLuhn,
  pieces,
  privatePersons,
  reviewReply,
  scanText,
} from "@/lib/disclosure-review";

const ID = "440304198507151239";
const ID_X = "11010519491231002X";
const CARD_19 = "6222021234567890128";
const CARD_16 = "6217000123456788";

const kinds = (text: string, privateNames: string[] = []) => scanText(text, { privateNames }).map((h) => [h.kind, h.text]);

describe("scanText finds planted data", () => {
  it("身份证号 with a valid check digit, X included, and the old 15-digit form", () => {
    expect(kinds(`当事人身份证号${ID}，已核实。`)).toEqual([["id_number", ID]]);
    expect(kinds(`证件号码：${ID_X.toLowerCase()}。`)).toEqual([["id_number", ID_X.toLowerCase()]]);
    expect(kinds("旧证号码110105491231002。")).toEqual([["id_number", "110105491231002"]]);
  });

  it("mobile numbers, written together, in groups, after +86, in full-width digits", () => {
    expect(kinds("请致电13812345678联系。")).toEqual([["mobile", "13812345678"]]);
    expect(kinds("电话 138-1234-5678 或 +86 139 1234 5678")).toEqual([
      ["mobile", "138-1234-5678"],
      ["mobile", "+86 139 1234 5678"],
    ]);
    expect(kinds("手机１５９２３４５６７８９")).toEqual([["mobile", "１５９２３４５６７８９"]]);
  });

  it("bank card numbers passing Luhn, 16 to 19 digits, also in groups of four", () => {
    expect(kinds(`补贴打入卡号${CARD_19}。`)).toEqual([["bank_card", CARD_19]]);
    expect(kinds(`卡号 ${CARD_16}`)).toEqual([["bank_card", CARD_16]]);
    expect(kinds("卡号 6217 0001 2345 6788")).toEqual([["bank_card", "6217 0001 2345 6788"]]);
  });

  it("e-mail addresses", () => {
    expect(kinds("来信请寄 zhang.san@example.com.cn 谢谢")).toEqual([["email", "zhang.san@example.com.cn"]]);
  });

  it("names of private persons given to it, every occurrence", () => {
    expect(kinds("经与张晓梅沟通，张晓梅表示同意。", ["张晓梅"])).toEqual([
      ["private_name", "张晓梅"],
      ["private_name", "张晓梅"],
    ]);
  });

  it("gives offsets into the original text", () => {
    const text = `甲${ID}乙`;
    const h = scanText(text)[0]!;
    expect(text.slice(h.start, h.end)).toBe(ID);
  });
});

describe("near misses are not flagged", () => {
  const clean = [
    ["an 18-digit number with a wrong check digit", "编号440304198507151238"],
    ["an 18-digit number whose birth date is no date", "编号440304198513451231"],
    ["a 16-digit number failing Luhn", "流水号6217000123456789"],
    ["a mobile number inside a longer digit run", "订单号2138123456789012345678"],
    ["a 12-digit number starting with 1", "合同号138123456789"],
    ["a landline in the closing line", "联系人：蒋明杰，联系电话：023—68511253、0755-83123456"],
    ["a 发文字号", "渝高新科函〔2023〕45号"],
    ["a 索引号 with a 16-digit prefix", "索引号1150010700927688XM/2023-01369"],
    ["dates", "2023年5月16日、2023-05-16、20230516"],
    ["amounts", "项目经费共计超200000000元，合计1,234,567.89元"],
    ["an @ without a domain", "@张三 请查收"],
  ] as const;
  for (const [what, text] of clean) it(what, () => expect(kinds(text)).toEqual([]));

  it("the contact person's own number, given as official", () => {
    expect(scanText("联系电话：13987654321", { officialNumbers: ["139-8765-4321"] })).toEqual([]);
    expect(kinds("联系电话：13987654321")).toEqual([["mobile", "13987654321"]]);
  });
});

describe("check digits", () => {
  it("ISO 7064 MOD 11-2 and Luhn", () => {
    expect(isIdNumber(ID)).toBe(true);
    expect(isIdNumber(ID_X)).toBe(true);
    expect(isIdNumber(`${ID.slice(0, 17)}0`)).toBe(false);
    expect(passesLuhn(CARD_16)).toBe(true);
    expect(passesLuhn("6217000123456789")).toBe(false);
  });
});

describe("privatePersons", () => {
  const people = {
    members: ["刘新荣", "王建国"],
    officials: ["蒋明杰", "党群工作部承办人"],
    participants: ["蒋明杰与刘新荣委员", "党群工作部承办人、王建国代表、市民张晓梅", "区财政局王处长，企业负责人李国强，赵女士，财政局"],
  };
  it("keeps the private persons: neither members nor officials, titles and introductions taken off", () => {
    expect(privatePersons(people)).toEqual(["张晓梅", "李国强"]);
  });
  it("a unit's 承办人 named after a unit with 和 in its name is one official, not two names", () => {
    expect(
      privatePersons({
        members: ["王建国"],
        officials: ["政务服务和社会事务中心承办人"],
        participants: ["政务服务和社会事务中心承办人与王建国代表"],
      }),
    ).toEqual([]);
  });
  it("descriptions that are no names are not flagged: no common surname, or an organisation", () => {
    expect(privatePersons({ members: [], officials: [], participants: ["社区群众、企业家座谈、高新区管委会"] })).toEqual([]);
  });
  it("a member named without 委员 is still a member", () => {
    expect(privatePersons({ ...people, participants: ["蒋明杰与刘新荣"] })).toEqual([]);
  });
});

describe("reviewReply", () => {
  it("checks the body and the summary, each finding naming its field", () => {
    const findings = reviewReply(
      {
        body: `经核实，张晓梅（身份证号${ID}）反映的问题已解决。`,
        disclosureSummary: "如有疑问请联系13812345678。",
        contactPhone: "023-68511253",
      },
      ["张晓梅"],
    );
    expect(findings.map((f) => [f.field, f.kind])).toEqual([
      ["body", "private_name"],
      ["body", "id_number"],
      ["summary", "mobile"],
    ]);
  });
});

describe("disclosureGate", () => {
  const findings = reviewReply({ body: `号码13812345678`, disclosureSummary: null, contactPhone: null }, []);
  it("refuses public disclosure with an open finding, listing it in Chinese", () => {
    const gate = disclosureGate({ disclosure: "full", findings, confirmation: null }, "提交审签");
    expect(gate.ok).toBe(false);
    if (!gate.ok) {
      expect(gate.reason).toContain("手机号码 13812345678（正文）");
      expect(gate.findings).toHaveLength(1);
    }
    expect(disclosureGate({ disclosure: "summary", findings, confirmation: "  " }, "发布").ok).toBe(false);
  });
  it("lets it go with a reason, masked for the log; never stops 不予公开 or a clean text", () => {
    expect(disclosureGate({ disclosure: "full", findings, confirmation: "提案人同意公开" }, "发布")).toEqual({
      ok: true,
      confirmed: { reason: "提案人同意公开", findings: [{ kind: "mobile", field: "body", value: "138****5678" }] },
    });
    expect(disclosureGate({ disclosure: "none", findings, confirmation: null }, "提交审签")).toEqual({ ok: true, confirmed: null });
    expect(disclosureGate({ disclosure: "full", findings: [], confirmation: null }, "提交审签")).toEqual({ ok: true, confirmed: null });
  });
  it("masks names and addresses too", () => {
    expect(maskedFinding({ kind: "private_name", field: "body", text: "张晓梅" }).value).toBe("张**");
    expect(maskedFinding({ kind: "email", field: "body", text: "zhang@example.com" }).value).toBe("z***@example.com");
  });
});

describe("highlighting", () => {
  it("cuts a text into plain and marked pieces that join back to it", () => {
    const text = `甲13812345678乙${ID}丙`;
    const found = reviewReply({ body: text, disclosureSummary: null, contactPhone: null }, []);
    const cut = pieces(text, found);
    expect(cut.map((p) => p.text).join("")).toBe(text);
    expect(cut.filter((p) => p.finding).map((p) => p.text)).toEqual(["13812345678", ID]);
  });
  it("an excerpt stays in its paragraph", () => {
    const text = "第一段。\n联系13812345678即可\n第三段";
    const f = reviewReply({ body: text, disclosureSummary: null, contactPhone: null }, [])[0]!;
    expect(excerpt(text, f)).toEqual({ before: "联系", marked: "13812345678", after: "即可" });
  });
});
