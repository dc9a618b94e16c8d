/** The reply letter composed from data reproduces the published reply to proposal 180 line by line. */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPLY_180_PARAGRAPHS } from "@/db/demo/reply-180";
import { composeLetter, coUnitList, type LetterInput, letterLines, SIGNER_PLACEHOLDER } from "@/lib/letter";
import { LETTER_180 } from "./letter-180";

// A copy of shared/samples/published-reply-180.txt, the real published page, so the repository tests on its own.
const SAMPLE = fs.readFileSync(path.resolve(import.meta.dirname, "../fixtures/published-reply-180.txt"), "utf8");
const TITLE = "重庆高新区科技创新局关于政协重庆市九龙坡区第十一届委员会第二次会议第180号提案的答复函";

/** The letter's lines as the sample has them, from the salutation to the contact line, blank lines dropped. */
function sampleLetterLines(): string[] {
  const lines = SAMPLE.split("\n").filter((line) => line.trim() !== "");
  const from = lines.indexOf("刘新荣委员:");
  const to = lines.findIndex((line) => line.startsWith("(联系人:"));
  expect(from).toBeGreaterThan(0);
  expect(to).toBeGreaterThan(from);
  return lines.slice(from, to + 1);
}

const letterPart = sampleLetterLines();
/** The sample's body: between the opening and the closing, as one pasted block with single newlines. */
const closingAt = letterPart.findIndex((line) => line.startsWith("此答复函已经"));
const sampleBody = letterPart.slice(2, closingAt);

const INPUT_180: LetterInput = { ...LETTER_180, body: sampleBody.join("\n") };

describe("the reply letter of proposal 180", () => {
  const letter = composeLetter(INPUT_180);

  it("has the sample's title, which the sample page shows as its heading", () => {
    expect(letter.title).toBe(TITLE);
    expect(SAMPLE.split("\n")).toContain(TITLE);
  });

  it("equals the sample line by line from the salutation to the contact line", () => {
    // The copy of the sample lost the date's Chinese characters and the contact line's closing parenthesis.
    const expected = letterPart.map((line) => (line === "2023516" ? "2023年5月16日" : line.startsWith("(联系人:") ? `${line})` : line));
    const [, ...composed] = letterLines(letter);
    expect(composed).toHaveLength(expected.length);
    for (const [i, line] of composed.entries()) expect(line).toBe(expected[i]);
  });

  it("names each part as the sample does", () => {
    expect(letter.salutation).toBe("刘新荣委员:");
    expect(letter.opening).toBe(
      "您提出的《关于抢抓人才红利机遇,赋能科学城产业发展的建议》(第180号提案)收悉,经与重庆高新区党群工作部、创新服务中心、政务服务和社会事务中心共同研究办理,现答复如下:",
    );
    expect(letter.closing).toBe("此答复函已经邓敏军局长审签。对以上答复有什么意见,请填写在答复函回执单上,以便进一步改进工作。");
    expect(letter.unitName).toBe("重庆高新区科技创新局");
    expect(letter.date).toBe("2023年5月16日");
    expect(letter.writtenOn).toBe("2023-05-16");
    expect(letter.contact).toBe("(联系人:蒋明杰,联系电话:023—68511253)");
  });

  it("recognises the sections and sub-sections of the body", () => {
    const headings = letter.body.filter((b) => b.kind !== "p").map((b) => `${b.kind} ${b.text}`);
    expect(headings).toEqual([
      "h1 一、工作开展情况",
      "h2 (一)加强政策保障",
      "h2 (二)支持技术研发",
      "h2 (三)推动成果转化",
      "h1 二、下一步工作计划",
      "h2 (一)加大政策落实力度",
      "h2 (二)支持人才创新创业",
      "h2 (三)促进科技成果转化",
    ]);
  });

  it("reads the same from the demo's stored body (paragraphs separated by blank lines)", () => {
    expect([...REPLY_180_PARAGRAPHS]).toEqual(sampleBody);
    expect(composeLetter({ ...INPUT_180, body: REPLY_180_PARAGRAPHS.join("\n\n") })).toEqual(letter);
  });

  it("prints the result class only when asked to", () => {
    expect(letter.resultClass).toBeNull();
    const withClass = composeLetter(INPUT_180, { showResultClass: true });
    expect(withClass.resultClass).toBe("A");
    expect(letterLines(withClass)[0]).toBe("A");
    expect(composeLetter({ ...INPUT_180, resultClass: null }, { showResultClass: true }).resultClass).toBeNull();
  });
});

describe("other letters", () => {
  it("leaves out the co-handling units when there are none", () => {
    const letter = composeLetter({ ...INPUT_180, coUnits: [] });
    expect(letter.opening).toBe("您提出的《关于抢抓人才红利机遇,赋能科学城产业发展的建议》(第180号提案)收悉,现答复如下:");
  });

  it("writes 建议 and 代表 for a People's Congress suggestion", () => {
    const letter = composeLetter({
      ...INPUT_180,
      kind: "suggestion",
      session: { body: "重庆市九龙坡区人民代表大会", term: "第十九届", meeting: "第三次会议" },
      number: 12,
      title: "关于完善社区养老服务设施的建议",
      addressee: "胡春梅",
      coUnits: ["重庆高新区社会事业局"],
    });
    expect(letter.title).toBe("重庆高新区科技创新局关于重庆市九龙坡区第十九届人民代表大会第三次会议第12号建议的答复函");
    expect(letter.salutation).toBe("胡春梅代表:");
    expect(letter.opening).toBe(
      "您提出的《关于完善社区养老服务设施的建议》(第12号建议)收悉,经与重庆高新区社会事业局共同研究办理,现答复如下:",
    );
  });

  it("is addressed to the co-signer it is given", () => {
    expect(composeLetter({ ...INPUT_180, addressee: "张志强" }).salutation).toBe("张志强委员:");
  });

  it("prints a placeholder while nobody can sign the draft off, and a signer without a title", () => {
    expect(composeLetter({ ...INPUT_180, signer: null }).closing).toBe(
      `此答复函已经${SIGNER_PLACEHOLDER}审签。对以上答复有什么意见,请填写在答复函回执单上,以便进一步改进工作。`,
    );
    expect(composeLetter({ ...INPUT_180, signer: { name: "邓敏军", title: null } }).closing).toMatch(/^此答复函已经邓敏军审签。/);
  });
});

describe("co-handling units in the opening", () => {
  it("drops the place-name prefix the following units share with the first", () => {
    expect(coUnitList(INPUT_180.coUnits)).toBe("重庆高新区党群工作部、创新服务中心、政务服务和社会事务中心");
    expect(coUnitList(["重庆市九龙坡区科学技术局", "重庆市九龙坡区财政局"])).toBe("重庆市九龙坡区科学技术局、财政局");
  });

  it("keeps what differs when the area differs", () => {
    expect(coUnitList(["重庆市九龙坡区科学技术局", "重庆市江北区科学技术局"])).toBe("重庆市九龙坡区科学技术局、江北区科学技术局");
    expect(coUnitList(["重庆高新区党群工作部", "国网重庆市电力公司"])).toBe("重庆高新区党群工作部、国网重庆市电力公司");
  });

  it("cuts only whole place names, never a shared word after them", () => {
    expect(coUnitList(["重庆高新区社区服务中心", "重庆高新区社区治理办公室"])).toBe("重庆高新区社区服务中心、社区治理办公室");
    expect(coUnitList(["重庆高新区党群工作部", "重庆高新区城市管理局", "重庆高新区市场监督管理局"])).toBe(
      "重庆高新区党群工作部、城市管理局、市场监督管理局",
    );
    expect(coUnitList(["重庆高新区党群工作部", "重庆高新区金凤镇人民政府"])).toBe("重庆高新区党群工作部、金凤镇人民政府");
  });

  it("keeps a name whole when nothing would be left of it, and handles one or no unit", () => {
    expect(coUnitList(["重庆高新区党群工作部", "重庆高新区"])).toBe("重庆高新区党群工作部、重庆高新区");
    expect(coUnitList(["重庆高新区党群工作部"])).toBe("重庆高新区党群工作部");
    expect(coUnitList([])).toBe("");
  });
});
