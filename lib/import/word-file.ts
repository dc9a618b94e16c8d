/**
 * 从 Word 导入: an uploaded .docx (written in Word or WPS, or the system's own letter) checked and read
 * with mammoth into a reply draft's body (lib/word-draft.ts). Bytes in, text out; no file or database access.
 */
import mammoth from "mammoth";
import { MAX_BODY_CHARS } from "../letter-body";
import { draftFromHtml, type WordDraft } from "../word-draft";
import { cleanFileName, MAX_ATTACHMENT_BYTES, type FileCheck, type ReceivedFile } from "./attachments";
import { unpackZip } from "./zip-limits";

export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
/** For the file input's `accept` attribute. */
export const WORD_DRAFT_ACCEPT = `.docx,${DOCX_MIME}`;
export const WORD_DRAFT_HINT = "用 Word 或 WPS 写好的答复正文，.docx 格式，不超过 10 MB";

/**
 * What a letter's .docx may hold unpacked. A letter is a few hundred KB of XML; photos in it are stored
 * about as large as they are (images do not compress), so the whole stays near the 10 MB of the upload.
 */
export const DOCX_LIMITS = {
  entries: 500,
  unpackedBytes: 40 * 1024 * 1024,
  /** The text's XML, which mammoth parses into a tree many times its size: a 300-page document is under 10 MB. */
  documentBytes: 10 * 1024 * 1024,
} as const;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

const OLD_WORD = "这是旧版 Word（.doc）文件，请在 Word 或 WPS 中“另存为” .docx 格式后再上传";
const NOT_DOCX = "文件不是 Word 文档（.docx），请在 Word 或 WPS 中打开后“另存为” .docx 格式再上传";
const DAMAGED = "文件无法读取，可能已损坏或不是 .docx 格式，请用 Word 或 WPS 打开确认后重新保存再上传";

/** What is wrong with the file by its size and first bytes, whatever its name says. */
function fileProblem(size: number, head: Uint8Array): string | null {
  if (size === 0) return "上传的文件是空的";
  if (size > MAX_ATTACHMENT_BYTES) return "文件超过 10 MB";
  if (startsWith(head, OLE_MAGIC)) return OLD_WORD;
  if (!startsWith(head, ZIP_MAGIC)) return NOT_DOCX;
  return null;
}

/** The upload route's check of a document to import: a zip by its first bytes, named .docx. */
export function checkWordDraftFile(file: ReceivedFile): FileCheck {
  const fileName = cleanFileName(file.name);
  const problem = fileProblem(file.size, file.head);
  if (problem) return { ok: false, message: problem };
  if (!/\.docx$/i.test(fileName)) return { ok: false, message: NOT_DOCX };
  return { ok: true, fileName, mimeType: DOCX_MIME };
}

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
  const problem = fileProblem(bytes.byteLength, bytes);
  if (problem) return { ok: false, message: problem };
  // mammoth unpacks the whole zip: measure it first (a zip bomb).
  const unpacked = unpackZip(bytes, DOCX_LIMITS);
  if (!unpacked.ok) {
    if (unpacked.problem === "damaged") return { ok: false, message: DAMAGED };
    return { ok: false, message: "文件解压后过大或部件过多，不是正常的答复函文档，请删除多余的内容后重新保存再上传" };
  }
  const document = unpacked.entries.find((e) => e.name === "word/document.xml");
  if (!document) return { ok: false, message: NOT_DOCX };
  if (document.content.length > DOCX_LIMITS.documentBytes) return { ok: false, message: "文档过长，不是一封答复函，请只保留答复正文后再上传" };
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
