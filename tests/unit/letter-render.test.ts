/** The letter and the draft comparison as HTML: semantic elements, and changes marked in text as well as colour. */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DraftDiff } from "@/components/draft-diff";
import { ReplyLetter } from "@/components/reply-letter";
import { composeLetter } from "@/lib/letter";
import { LETTER_180 } from "./letter-180";

const letter = composeLetter(
  {
    ...LETTER_180,
    coUnits: ["重庆高新区党群工作部"],
    body: "针对此提案,已重点开展以下工作:\n一、工作开展情况\n(一)加强政策保障\n一是发布人才支持政策。",
  },
  { showResultClass: true },
);

describe("ReplyLetter", () => {
  it("renders the title as the page's heading and the sections one and two levels below it", () => {
    const html = renderToStaticMarkup(createElement(ReplyLetter, { letter }));
    expect(html).toMatch(/^<article class="font-serif[^"]*">/);
    expect(html).toContain(`<h1 class="mb-6 text-center text-[1.25em] leading-relaxed font-bold">${letter.title}</h1>`);
    expect(html).toMatch(/<h2 class="[^"]*font-bold[^"]*">一、工作开展情况<\/h2>/);
    expect(html).toMatch(/<h3 class="[^"]*font-normal[^"]*">\(一\)加强政策保障<\/h3>/);
    expect(html).toContain('<p class="indent-[2em]">一是发布人才支持政策。</p>');
    expect(html).toContain('<time dateTime="2023-05-16">2023年5月16日</time>');
    expect(html).toContain("(联系人:蒋明杰,联系电话:023—68511253)");
    expect(html).toContain('<span class="sr-only">办理结果类别:</span>A');
  });

  it("fits under a page's own heading", () => {
    const html = renderToStaticMarkup(createElement(ReplyLetter, { letter, headingLevel: 2 }));
    expect(html).not.toContain("<h1");
    expect(html).toMatch(/<h2[^>]*>重庆高新区科技创新局关于/);
    expect(html).toMatch(/<h3[^>]*>一、工作开展情况<\/h3>/);
    expect(html).toMatch(/<h4[^>]*>\(一\)加强政策保障<\/h4>/);
  });
});

describe("DraftDiff", () => {
  const fields = {
    resultClass: "B",
    contactPerson: "蒋明杰",
    contactPhone: "023—68511253",
    disclosure: "full",
    disclosureSummary: null,
    disclosureReason: null,
  } as const;

  it("marks insertions and deletions with <ins>/<del> and says so in text", () => {
    const html = renderToStaticMarkup(
      createElement(DraftDiff, {
        before: { ...fields, label: "第1稿", body: "提出了中肯的建议。\n\n此段已删除。" },
        after: { ...fields, label: "第2稿", body: "提出了非常中肯的建议。\n\n新增的一段话。" },
      }),
    );
    expect(html).toContain("第1稿 → 第2稿：");
    expect(html).toContain("修改1段，新增1段，删除1段。");
    expect(html).toMatch(
      /<ins class="[^"]*underline[^"]*"><span class="sr-only">\[插入：<\/span>非常<span class="sr-only">\]<\/span><\/ins>/,
    );
    expect(html).toMatch(/\[删除段落\]<\/span><del class="[^"]*line-through[^"]*">此段已删除。<\/del>/);
    expect(html).toMatch(/\[新增段落\]<\/span><ins class="[^"]*">新增的一段话。<\/ins>/);
    expect(html).toContain("[修改段落]");
  });

  it("says when the versions are the same", () => {
    const html = renderToStaticMarkup(
      createElement(DraftDiff, { before: { ...fields, label: "第1稿", body: "同。" }, after: { ...fields, label: "第2稿", body: "同。" } }),
    );
    expect(html).toContain("两稿正文相同。");
    expect(html).not.toMatch(/<ins|<del|图例|正文以外/);
  });

  it("shows a change of result class even when the text is the same", () => {
    const html = renderToStaticMarkup(
      createElement(DraftDiff, {
        before: { ...fields, label: "第1稿", body: "同。" },
        after: { ...fields, resultClass: "A", label: "第2稿", body: "同。" },
      }),
    );
    expect(html).toContain("两稿正文相同；办理结果类别有改动（见下表）。");
    expect(html).toMatch(
      /<th scope="row"[^>]*>办理结果类别<\/th><td data-label="原稿"><del[^>]*><span class="sr-only">\[删除：<\/span>B类：/,
    );
    expect(html).toMatch(/<ins[^>]*><span class="sr-only">\[插入：<\/span>A类：所提问题已经解决或基本解决/);
  });
});
