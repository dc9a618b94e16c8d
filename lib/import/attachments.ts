/**
 * Files submitted with a proposal or attached to its reply, the scan of the sealed reply letter (盖章件,
 * PDF only), and the photos of a 面商/座谈会 (JPEG, PNG, WebP): which kinds are accepted, how large and how
 * many. The kind is taken from the file's first bytes and must agree with its name; what the browser
 * claims is not trusted. Pure.
 */

export const MAX_ATTACHMENTS = 5;
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/** Photos of one 面商/座谈会, each within MAX_ATTACHMENT_BYTES. */
export const MAX_MEETING_PHOTOS = 20;

/** `magic`: the first bytes, null where any byte will do. */
type Kind = { extensions: readonly string[]; mimeType: string; magic: readonly (readonly (number | null)[])[] };

const PDF: Kind = { extensions: ["pdf"], mimeType: "application/pdf", magic: [[0x25, 0x50, 0x44, 0x46, 0x2d]] };

const JPEG: Kind = { extensions: ["jpg", "jpeg"], mimeType: "image/jpeg", magic: [[0xff, 0xd8, 0xff]] };
const PNG: Kind = { extensions: ["png"], mimeType: "image/png", magic: [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]] };
// "RIFF", the chunk's length, "WEBP".
const WEBP: Kind = {
  extensions: ["webp"],
  mimeType: "image/webp",
  magic: [[0x52, 0x49, 0x46, 0x46, null, null, null, null, 0x57, 0x45, 0x42, 0x50]],
};

const KINDS: readonly Kind[] = [
  PDF,
  // Word 97–2003 is an OLE compound file.
  { extensions: ["doc"], mimeType: "application/msword", magic: [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]] },
  {
    extensions: ["docx"],
    mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    magic: [[0x50, 0x4b, 0x03, 0x04]],
  },
  JPEG,
  PNG,
];

const accept = (kinds: readonly Kind[]) => kinds.flatMap((k) => k.extensions.map((e) => `.${e}`)).join(",");

/** For the file input's `accept` attribute. */
export const ATTACHMENT_ACCEPT = accept(KINDS);
export const ATTACHMENT_HINT = `可上传 PDF、Word（doc/docx）、JPG、PNG 文件，每个不超过 10 MB，最多 ${MAX_ATTACHMENTS} 个`;
export const SEALED_SCAN_ACCEPT = accept([PDF]);
export const SEALED_SCAN_HINT = "请上传签发后盖章的答复函扫描件，PDF 格式，不超过 10 MB";
export const PHOTO_ACCEPT = accept([JPEG, PNG, WEBP]);
export const photoHint = (room: number) =>
  `可上传 JPG、PNG、WebP 照片，每张不超过 10 MB，${room === MAX_MEETING_PHOTOS ? `最多 ${room} 张` : `还可添加 ${room} 张`}`;

/** A received file as the upload route measured it while streaming it to disk: its name, size and first bytes. */
export type ReceivedFile = { name: string; size: number; head: Uint8Array };
export type CheckedAttachment = { fileName: string; mimeType: string };
/** How many first bytes the kinds are told apart by. */
export const SNIFF_BYTES = 12;

const FILE_NAME_MAX = 200;

/**
 * A name that is safe to show and to send back in Content-Disposition: no path, no control characters,
 * no bidi overrides (which would show "材料\u202Efdp.exe" as "材料exe.pdf").
 */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  return base
    .replace(/[\u0000-\u001F\u007F"\u202A-\u202E\u2066-\u2069]/g, "")
    .trim()
    .slice(-FILE_NAME_MAX);
}

export type FileCheck = ({ ok: true } & CheckedAttachment) | { ok: false; message: string };

/** The file's clean name and kind among `kinds`, or the reason to refuse it (`what` names the file to the user). */
function checkFile(file: ReceivedFile, kinds: readonly Kind[], what: string, hint: string): FileCheck {
  const fileName = cleanFileName(file.name);
  if (fileName === "") return { ok: false, message: `有${what}没有文件名` };
  if (file.size === 0) return { ok: false, message: `${what}“${fileName}”是空文件` };
  if (file.size > MAX_ATTACHMENT_BYTES) return { ok: false, message: `${what}“${fileName}”超过 10 MB` };
  const extension = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? "";
  const kind = kinds.find((k) => k.extensions.includes(extension));
  if (!kind) return { ok: false, message: `${what}“${fileName}”的类型不支持；${hint}` };
  if (!kind.magic.some((m) => m.every((b, i) => i < file.head.length && (b === null || file.head[i] === b)))) {
    return { ok: false, message: `${what}“${fileName}”的内容与扩展名不符，请确认文件未损坏` };
  }
  return { ok: true, fileName, mimeType: kind.mimeType };
}

/** An attachment of a proposal or of its reply: its clean name and kind, or the reason to refuse it. */
export function checkAttachment(file: ReceivedFile): FileCheck {
  return checkFile(file, KINDS, "附件", ATTACHMENT_HINT);
}

/** The scan of the sealed letter: a PDF by its first bytes (a scan saved as JPG or renamed is refused). */
export function checkSealedScan(file: ReceivedFile): FileCheck {
  return checkFile(file, [PDF], "盖章件扫描件", "只接受 PDF 文件");
}

/** A photo of a 面商/座谈会: JPEG, PNG or WebP by its first bytes. */
export function checkMeetingPhoto(file: ReceivedFile): FileCheck {
  return checkFile(file, [JPEG, PNG, WEBP], "照片", "只接受 JPG、PNG、WebP 照片");
}
