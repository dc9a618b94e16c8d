/**
 * Measures an uploaded Office file (a zip: .xlsx, .docx) before a library may unpack it, so that a small
 * file cannot unpack into more than the server's memory holds (a 0.5 MB zip bomb of 118 MB took the
 * server down).
 *
 * The central directory is read for the entries and their declared sizes; each entry is then inflated
 * with Node's zlib capped at its declared size, so a directory that lies about a size is caught too, one
 * entry at a time, never more than the budget. For a workbook the worksheets' rows and cells are counted
 * in the inflated XML as well: exceljs keeps an object per cell, far larger than the cell's bytes in the file.
 */
import { inflateRawSync } from "node:zlib";

/** What a workbook may hold, unpacked, before it is parsed. */
export const ZIP_LIMITS = {
  /** All entries together: the largest legitimate list (2000 rows with long texts) is a few tens of MB. */
  unpackedBytes: 40 * 1024 * 1024,
  entries: 200,
  sheets: 10,
  /** Rows and cells over all worksheets (the list is at most 2000 rows of 12 columns, plus the reference sheets). */
  rows: 10_000,
  cells: 100_000,
} as const;

export type ZipVerdict = { ok: true } | { ok: false; message: string };

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/;

const DAMAGED: ZipVerdict = { ok: false, message: "文件无法读取，可能已损坏或不是 .xlsx 格式，请用 Excel 打开确认后重新保存再上传" };
const MB = (bytes: number) => Math.round(bytes / 1024 / 1024);

type Entry = { name: string; method: number; compressedSize: number; size: number; localOffset: number };

/** The central directory's entries, or null when the zip is malformed (or zip64, which no 5 MB workbook needs). */
function centralDirectory(bytes: Buffer): Entry[] | null {
  // The end record is in the last 22 bytes plus at most a 65535-byte comment.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = bytes.readUInt16LE(eocd + 10);
  let offset = bytes.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) return null;
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== CENTRAL_SIGNATURE) return null;
    const nameLength = bytes.readUInt16LE(offset + 28);
    const entry: Entry = {
      method: bytes.readUInt16LE(offset + 10),
      compressedSize: bytes.readUInt32LE(offset + 20),
      size: bytes.readUInt32LE(offset + 24),
      localOffset: bytes.readUInt32LE(offset + 42),
      name: bytes.toString("utf8", offset + 46, offset + 46 + nameLength),
    };
    if (entry.compressedSize === 0xffffffff || entry.size === 0xffffffff || entry.localOffset === 0xffffffff) return null;
    entries.push(entry);
    offset += 46 + nameLength + bytes.readUInt16LE(offset + 30) + bytes.readUInt16LE(offset + 32);
  }
  return entries;
}

/** The entry's bytes, inflated to at most its declared size; null when it does not hold what the directory says. */
function contents(bytes: Buffer, entry: Entry): Buffer | null {
  const local = entry.localOffset;
  if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== LOCAL_SIGNATURE) return null;
  const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length !== entry.compressedSize) return null;
  let out: Buffer;
  if (entry.method === STORED) out = data;
  else if (entry.method === DEFLATED) {
    try {
      // One byte over the declared size is enough to know it lied; zlib stops there.
      out = inflateRawSync(data, { maxOutputLength: entry.size + 1 });
    } catch {
      return null;
    }
  } else return null;
  return out.length === entry.size ? out : null;
}

/** What any zip may hold before it is unpacked. */
export type UnpackLimits = { entries: number; unpackedBytes: number };

/** The entries of a zip, inflated, or which bound it passes ("damaged": not a zip, or one that lies about its contents). */
export type Unpacked =
  | { ok: true; entries: { name: string; content: Buffer }[] }
  | { ok: false; problem: "damaged" }
  | { ok: false; problem: "entries"; count: number }
  | { ok: false; problem: "unpacked"; declared: number };

/** Unpacks a zip within `limits`, checking each entry against what the directory declares. */
export function unpackZip(input: Uint8Array, limits: UnpackLimits): Unpacked {
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const entries = centralDirectory(bytes);
  if (!entries) return { ok: false, problem: "damaged" };
  if (entries.length > limits.entries) return { ok: false, problem: "entries", count: entries.length };
  const declared = entries.reduce((sum, e) => sum + e.size, 0);
  if (declared > limits.unpackedBytes) return { ok: false, problem: "unpacked", declared };
  const unpacked: { name: string; content: Buffer }[] = [];
  for (const entry of entries) {
    const content = contents(bytes, entry);
    if (!content) return { ok: false, problem: "damaged" };
    unpacked.push({ name: entry.name, content });
  }
  return { ok: true, entries: unpacked };
}

/** Occurrences of an element's start tag (`<row `, `<row>`, `<row/>`); exceljs reads unprefixed names only. */
function countTags(xml: Buffer, tag: string): number {
  const needle = Buffer.from(`<${tag}`);
  let count = 0;
  for (let i = xml.indexOf(needle); i >= 0; i = xml.indexOf(needle, i + needle.length)) {
    const next = xml[i + needle.length];
    if (next === 0x20 || next === 0x3e || next === 0x2f || next === 0x09 || next === 0x0a || next === 0x0d) count++;
  }
  return count;
}

/** Whether the workbook stays within ZIP_LIMITS unpacked; says in Chinese which limit it passes. */
export function checkZipLimits(input: Uint8Array, limits: typeof ZIP_LIMITS = ZIP_LIMITS): ZipVerdict {
  const unpacked = unpackZip(input, limits);
  if (!unpacked.ok) {
    switch (unpacked.problem) {
      case "damaged":
        return DAMAGED;
      case "entries":
        return { ok: false, message: `文件包含的部件过多（${unpacked.count} 个），不是正常的交办清单，请用模板重新填写` };
      case "unpacked":
        return {
          ok: false,
          message: `文件解压后过大（约 ${MB(unpacked.declared)} MB，最多 ${MB(limits.unpackedBytes)} MB），请删除多余的内容或拆分后分批导入`,
        };
    }
  }
  const sheets = unpacked.entries.filter((e) => WORKSHEET.test(e.name));
  if (sheets.length > limits.sheets)
    return { ok: false, message: `文件中的工作表过多（${sheets.length} 个，最多 ${limits.sheets} 个），请只保留交办清单后再上传` };
  let rows = 0;
  let cells = 0;
  for (const sheet of sheets) {
    rows += countTags(sheet.content, "row");
    cells += countTags(sheet.content, "c");
  }
  if (rows > limits.rows)
    return { ok: false, message: `文件中的行数过多（${rows} 行，最多 ${limits.rows} 行），请删除空行或拆分后分批导入` };
  if (cells > limits.cells)
    return { ok: false, message: `文件中的单元格过多（${cells} 个，最多 ${limits.cells} 个），请删除多余的内容或拆分后分批导入` };
  return { ok: true };
}
