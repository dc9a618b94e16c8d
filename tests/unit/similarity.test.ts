import { describe, expect, it } from "vitest";
import { bigrams, jaccard, proposalSimilarity } from "@/lib/similarity";

describe("proposal similarity", () => {
  it("splits Chinese into bigrams, skipping punctuation and filler words", () => {
    expect([...bigrams("关于人才公寓的建议")]).toEqual(["于人", "人才", "才公", "公寓", "寓的", "的建"]);
    expect(bigrams("，。").size).toBe(0);
  });
  it("scores the Jaccard index", () => {
    expect(jaccard(new Set(["人才", "公寓"]), new Set(["人才", "住房"]))).toBeCloseTo(1 / 3);
    expect(jaccard(new Set(), new Set(["人才"]))).toBe(0);
  });
  it("ranks a proposal on the same subject above an unrelated one", () => {
    const a = { title: "关于抢抓人才红利机遇,赋能科学城产业发展的建议", body: "高校人才资源与科学城产业发展之间尚未形成良性互动" };
    const same = { title: "关于引进高校人才服务科学城产业发展的建议", body: "科学城产业发展需要高校人才" };
    const other = { title: "关于加强城市地下管网智慧化改造的建议", body: "地下管网老化" };
    expect(proposalSimilarity(a, same)).toBeGreaterThan(0.2);
    expect(proposalSimilarity(a, other)).toBeLessThan(0.05);
    expect(proposalSimilarity(a, a)).toBeCloseTo(1);
  });
});
