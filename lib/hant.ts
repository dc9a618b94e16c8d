/**
 * 繁體版: Simplified to Traditional Chinese with OpenCC's dictionaries (Taiwan standard characters).
 * 發布 is kept as the government sites write it (OpenCC's default gives 發佈). Pure.
 */
import { Converter, CustomConverter } from "opencc-js/cn2t";
import { Converter as T2Converter } from "opencc-js/t2cn";

const toTaiwan = Converter({ from: "cn", to: "tw" });
const fixups = CustomConverter([["發佈", "發布"]]);

export function toTraditional(text: string): string {
  return fixups(toTaiwan(text));
}

/** Every string inside a plain value (objects, arrays) converted; other values are kept. */
export function convertStrings<T>(value: T, convert: (text: string) => string): T {
  if (typeof value === "string") return convert(value) as T;
  if (Array.isArray(value)) return value.map((v) => convertStrings(v, convert)) as T;
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, convertStrings(v, convert)])) as T;
  }
  return value;
}

const fromTraditional = T2Converter({ from: "tw", to: "cn" });

/** A visitor's words in Traditional Chinese back to Simplified, as the texts are stored (for search). */
export function toSimplified(text: string): string {
  return fromTraditional(text);
}
