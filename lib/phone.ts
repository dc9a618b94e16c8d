/**
 * Telephone numbers in the forms real letters and forms use: 023—63211234, 023-6321 1234, (023)63211234,
 * 13800138000, 023—63211234转8001, full-width digits, +86.
 *
 * Storage and display are one form, the one the reply letters print: area code, an em dash, the local
 * number without spaces, and 转 before an extension (023—63211234转8001); mobiles as 11 digits
 * (13800138000); 400/800 numbers as 400—810—8888. Whatever was typed is normalised to it when saved, so
 * one number is stored one way, and the form shows back what a letter prints (a number already written
 * so, like every demo user's, is saved unchanged). Pure.
 */

/** Dashes people type between the parts of a number (ASCII, hyphens, en and em dashes). */
const DASHES = "-‐‑‒–—―";
const SEPARATORS = new RegExp(`[\\s${DASHES}()]`, "g");
const EXTENSION = /^(.+?)\s*(?:转|分机|ext\.?|x|#)\s*(\d{1,6})$/i;
const DASH_EXTENSION = new RegExp(`^(.+)[${DASHES}]\\s*(\\d{1,6})$`);

/** The number in its stored (and displayed) form, or null when the text is not a telephone number. */
export function normalisePhone(text: string): string | null {
  // NFKC turns full-width digits, brackets, plus and hyphen into ASCII.
  const input = text.normalize("NFKC").trim();
  const withExtension = EXTENSION.exec(input);
  if (withExtension) return withExtensionOf(withExtension[1]!, withExtension[2]!);
  const whole = mainNumber(input);
  if (whole) return whole.text;
  // 023-63211234-8001: the last group is an extension when what precedes it is a whole landline number.
  const dashed = DASH_EXTENSION.exec(input);
  return dashed ? withExtensionOf(dashed[1]!, dashed[2]!) : null;
}

function withExtensionOf(main: string, extension: string): string | null {
  const number = mainNumber(main);
  return number?.extensible ? `${number.text}转${extension}` : null;
}

/** A number without extension: its written form, and whether an extension may follow it (landlines). */
function mainNumber(input: string): { text: string; extensible: boolean } | null {
  if (!/^\+?[\d\s()\-‐‑‒–—―]+$/.test(input)) return null;
  let digits = input.replace(SEPARATORS, "");
  if (/^(\+86|0086)/.test(digits)) {
    digits = digits.replace(/^(\+86|0086)/, "");
    // Abroad the trunk 0 of the area code is dropped: +86 23 6321 1234.
    if (!/^1/.test(digits)) digits = `0${digits.replace(/^0/, "")}`;
  } else if (digits.startsWith("+")) {
    return /^\+[1-9]\d{6,14}$/.test(digits) ? { text: digits, extensible: false } : null;
  }
  if (/^1[3-9]\d{9}$/.test(digits)) return { text: digits, extensible: false };
  if (/^[48]00\d{7}$/.test(digits)) return { text: `${digits.slice(0, 3)}—${digits.slice(3, 6)}—${digits.slice(6)}`, extensible: true };
  if (/^0\d+$/.test(digits)) {
    // Area codes: 010 and 02X have three digits, all others four.
    const area = /^0(10|2\d)/.test(digits) ? digits.slice(0, 3) : digits.slice(0, 4);
    const local = digits.slice(area.length);
    return /^[1-9]\d{6,7}$/.test(local) ? { text: `${area}—${local}`, extensible: true } : null;
  }
  if (/^[2-9]\d{6,7}$/.test(digits)) return { text: digits, extensible: true };
  // Public service numbers: 12345, 95598, 96118.
  if (/^(1\d{4}|9[56]\d{3,6})$/.test(digits)) return { text: digits, extensible: false };
  return null;
}
