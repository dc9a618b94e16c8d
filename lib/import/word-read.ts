/**
 * 从 Word 导入: an uploaded .docx read with mammoth into a reply draft's body (lib/word-draft.ts), after
 * its zip was measured. Bytes in, text out; no file or database access.
 */
import mammoth from "mammoth";
import { MAX_BODY_CHARS } from "../letter-body";
import { draftFromHtml, type WordDraft } from "../word-draft";
import { DOCX_LIMITS, NOT_DOCX, wordFileProblem } from "./word-file";
import { unpackZip } from "./zip-limits";

const DAMAGED = "文件无法读取，可能已损坏或不是 .docx 格式，请用 Word 或 WPS 打开确认后重新保存再上传";

export type WordDraftRead = ({ ok: true } & WordDraft) | { ok: false; message: string };

/** mammoth's map of the heading styles as WPS names them, besides Word's own names (in its default map). */
const STYLE_MAP = [
  "p[style-name='Title'] => p.title:fresh",
  "p[style-name='标题'] => p.title:fresh",
  "p[style-name='标题 1'] => h1:fresh",
  "p[style-name='标题 2'] => h2:fresh",
  "p[style-name='标题 3'] => h3:fresh",
];

/** Images are left out: an empty element marks where one was, without reading its bytes. */
const noImage = mammoth.images.imgElement(async () => ({ src: "" }));

/** The body of a reply draft from a .docx, or why it cannot be read (a .doc, a renamed file, a broken or oversized zip). */
export async function readWordDraft(bytes: Uint8Array): Promise<WordDraftRead> {
  const problem = wordFileProblem(bytes.byteLength, bytes);
  if (problem) return { ok: false, message: problem };
  // mammoth unpacks the whole zip: measure it first (a zip bomb).
  const unpacked = unpackZip(bytes, DOCX_LIMITS);
  if (!unpacked.ok) {
    if (unpacked.problem === "damaged") return { ok: false, message: DAMAGED };
    return { ok: false, message: "文件解压后过大或部件过多，不是正常的答复函文档，请删除多余的内容后重新保存再上传" };
  }
  const document = unpacked.entries.find((e) => e.name === "word/document.xml");
  if (!document) return { ok: false, message: NOT_DOCX };
  if (document.content.length > DOCX_LIMITS.documentBytes)
    return { ok: false, message: "文档过长，不是一封答复函，请只保留答复正文后再上传" };
  let converted: Awaited<ReturnType<typeof mammoth.convertToHtml>>;
  try {
    converted = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { styleMap: STYLE_MAP, convertImage: noImage, externalFileAccess: false, includeEmbeddedStyleMap: false },
    );
  } catch {
    return { ok: false, message: DAMAGED };
  }
  const draft = draftFromHtml(converted.value, converted.messages);
  if (draft.body === "") return { ok: false, message: "文档中没有可导入的正文" };
  if (draft.body.length > MAX_BODY_CHARS) return { ok: false, message: `正文超过 ${MAX_BODY_CHARS} 字，不能作为答复函导入` };
  return { ok: true, ...draft };
}
