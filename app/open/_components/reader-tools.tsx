/**
 * The reader's tools on a published reply: 打印, copy link, A+/A-, 朗读. Rendered on the server as
 * plain buttons; public/open-reader.js gives them their behaviour, so public pages need no React
 * runtime in the browser (see server/public-pages.ts). Labels come converted from the server.
 */

export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" className="portal-tool" data-reader="print">
      {label}
    </button>
  );
}

export function CopyLink({ url, label, done }: { url: string; label: string; done: string }) {
  return (
    <>
      <button type="button" className="portal-tool" data-reader="copy" data-url={url} data-done={done}>
        {label}
      </button>
      <span role="status" className="text-sm" data-reader-status="copy" />
    </>
  );
}

/** A+ / A-: the letter's type size, in steps; the letter element is found by id. */
export function FontSize({ targetId, larger, smaller }: { targetId: string; larger: string; smaller: string }) {
  return (
    <span className="inline-flex gap-1">
      <button type="button" className="portal-tool" aria-label={larger} data-reader="larger" data-target={targetId}>
        A+
      </button>
      <button type="button" className="portal-tool" aria-label={smaller} data-reader="smaller" data-target={targetId}>
        A-
      </button>
    </span>
  );
}

/** 朗读: the browser's own speech synthesis reads the letter; nothing leaves the browser. */
export function ReadAloud({ targetId, lang, read, stop }: { targetId: string; lang: string; read: string; stop: string }) {
  return (
    <button
      type="button"
      className="portal-tool"
      aria-pressed="false"
      data-reader="read"
      data-target={targetId}
      data-lang={lang === "zh-Hant" ? "zh-TW" : "zh-CN"}
      data-read={read}
      data-stop={stop}
    >
      {read}
    </button>
  );
}
