/** The reply letter of proposal 180 as the unit tests compose it (docs/domain.md, "The reply letter"); each test changes what it needs. */
import { REPLY_180_PARAGRAPHS } from "@/db/demo/reply-180";
import type { LetterInput } from "@/lib/letter";

export const LETTER_180: LetterInput = {
  kind: "proposal",
  unitName: "重庆高新区科技创新局",
  session: { body: "政协重庆市九龙坡区委员会", term: "第十一届", meeting: "第二次会议" },
  number: 180,
  title: "关于抢抓人才红利机遇,赋能科学城产业发展的建议",
  addressee: "刘新荣",
  coUnits: ["重庆高新区党群工作部", "重庆高新区创新服务中心", "重庆高新区政务服务和社会事务中心"],
  body: REPLY_180_PARAGRAPHS.join("\n"),
  signer: { name: "邓敏军", title: "局长" },
  writtenOn: "2023-05-16",
  contactPerson: "蒋明杰",
  contactPhone: "023—68511253",
  resultClass: "A",
};
