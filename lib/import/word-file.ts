/**
 * 从 Word 导入: which files are taken as a Word document to read into a reply draft (a .docx, written in
 * Word or WPS, or the system's own letter), told apart by their first bytes. Pure; the reading is
 * lib/import/word-read.ts.
 */
import { cleanFileName, MAX_ATTACHMENT_BYTES, type FileCheck, type ReceivedFile } from "./attachments";

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
export const NOT_DOCX = "文件不是 Word 文档（.docx），请在 Word 或 WPS 中打开后“另存为” .docx 格式再上传";

/** What is wrong with the file by its size and first bytes, whatever its name says. */
export function wordFileProblem(size: number, head: Uint8Array): string | null {
  if (size === 0) return "上传的文件是空的";
  if (size > MAX_ATTACHMENT_BYTES) return "文件超过 10 MB";
  if (startsWith(head, OLE_MAGIC)) return OLD_WORD;
  if (!startsWith(head, ZIP_MAGIC)) return NOT_DOCX;
  return null;
}

/** The upload route's check of a document to import: a zip by its first bytes, named .docx. */
export function checkWordDraftFile(file: ReceivedFile): FileCheck {
  const fileName = cleanFileName(file.name);
  const problem = wordFileProblem(file.size, file.head);
  if (problem) return { ok: false, message: problem };
  if (!/\.docx$/i.test(fileName)) return { ok: false, message: NOT_DOCX };
  return { ok: true, fileName, mimeType: DOCX_MIME };
}
