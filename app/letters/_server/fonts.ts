/**
 * The web fonts of the letter, from npm (the @fontsource packages): Noto Serif SC (仿宋 body and, in
 * bold, the 小标宋 title), Noto Sans SC (黑体 headings), LXGW WenKai (楷体 headings). They are TrueType
 * fonts cut into unicode-range slices, so Chromium embeds them as real CID fonts whose text copies
 * back as the characters written (the system's Noto CJK fonts would be embedded as Type 3, and shared
 * glyphs would copy as Kangxi radicals: 高 as ⾼).
 */
import fs from "node:fs";
import path from "node:path";

const STYLESHEETS = [
  { dir: "@fontsource/noto-serif-sc", files: ["400.css", "700.css"] },
  { dir: "@fontsource/noto-sans-sc", files: ["400.css"] },
  { dir: "@fontsource/lxgw-wenkai", files: ["500.css"] },
];

type Fonts = { css: string; files: Map<string, string> };

let loaded: Fonts | null = null;

/** The @font-face rules with `url(@font/NAME)` placeholders, and where each NAME is on disk. */
function fonts(): Fonts {
  if (loaded) return loaded;
  const files = new Map<string, string>();
  const css = STYLESHEETS.flatMap(({ dir, files: sheets }) => {
    const root = path.join(process.cwd(), "node_modules", dir);
    return sheets.map((sheet) =>
      fs.readFileSync(path.join(root, sheet), "utf8").replace(/url\(\.\/files\/([\w.-]+)\)/g, (_match, name: string) => {
        files.set(name, path.join(root, "files", name));
        return `url(@font/${name})`;
      }),
    );
  }).join("\n");
  loaded = { css, files };
  return loaded;
}

/** The @font-face rules, their files served under `basePath` (e.g. /letters/fonts/). */
export function letterFontFaces(basePath: string): string {
  return fonts().css.replaceAll("url(@font/", `url(${basePath}`);
}

/** The file of a font the rules name, or null for any other name. */
export function letterFontFile(name: string): string | null {
  return fonts().files.get(name) ?? null;
}
