import { diffDraftFields, diffDrafts, type DiffSegment, type DraftFields, type FieldChange, type ParagraphDiff } from "@/lib/text-diff";

/*
 * Insertions and deletions are <ins>/<del>, underlined and struck through (not only coloured), and
 * each one also says what it is in text for screen readers, which do not all announce <ins>/<del>.
 */
const INS = "bg-green-100 text-green-900 underline decoration-2 underline-offset-4";
const DEL = "bg-red-100 text-red-900 line-through decoration-2";

function Segment({ segment }: { segment: DiffSegment }) {
  if (segment.kind === "same") return <>{segment.text}</>;
  const [Tag, style, word] = segment.kind === "added" ? (["ins", INS, "插入"] as const) : (["del", DEL, "删除"] as const);
  return (
    <Tag className={style}>
      <span className="sr-only">[{word}：</span>
      {segment.text}
      <span className="sr-only">]</span>
    </Tag>
  );
}

/** A visible word before a paragraph that was added, removed or edited (outside <del>, so it is not struck through). */
function Label({ children, className }: { children: string; className: string }) {
  return <span className={`mr-2 text-xs font-bold ${className}`}>[{children}]</span>;
}

function Paragraph({ paragraph }: { paragraph: ParagraphDiff }) {
  switch (paragraph.kind) {
    case "same":
      return <p className="border-l-4 border-transparent px-3 py-1">{paragraph.text}</p>;
    case "added":
      return (
        <p className="border-l-4 border-green-700 px-3 py-1">
          <Label className="text-green-800">新增段落</Label>
          <ins className={INS}>{paragraph.text}</ins>
        </p>
      );
    case "removed":
      return (
        <p className="border-l-4 border-red-700 px-3 py-1">
          <Label className="text-red-800">删除段落</Label>
          <del className={DEL}>{paragraph.text}</del>
        </p>
      );
    case "changed":
      return (
        <p className="border-l-4 border-amber-600 px-3 py-1">
          <Label className="text-amber-800">修改段落</Label>
          {paragraph.segments.map((segment, i) => (
            <Segment key={i} segment={segment} />
          ))}
        </p>
      );
  }
}

function summary({ added, removed, changed }: { added: number; removed: number; changed: number }, fields: FieldChange[]): string {
  const parts = [changed && `修改${changed}段`, added && `新增${added}段`, removed && `删除${removed}段`].filter(Boolean);
  const body = parts.length === 0 ? "两稿正文相同" : `正文${parts.join("，")}`;
  return fields.length === 0 ? `${body}。` : `${body}；${fields.map((f) => f.field).join("、")}有改动（见下表）。`;
}

/** The fields besides the body that changed, old struck through and new underlined, as in the text. */
function FieldChanges({ changes }: { changes: FieldChange[] }) {
  return (
    <table className="data-table">
      <caption className="mb-1 text-left font-semibold">正文以外的改动</caption>
      <thead>
        <tr>
          <th scope="col">项目</th>
          <th scope="col">原稿</th>
          <th scope="col">修改稿</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((c) => (
          <tr key={c.field}>
            <th scope="row" className="whitespace-nowrap font-medium">
              {c.field}
            </th>
            <td data-label="原稿">{c.before ? <Segment segment={{ kind: "removed", text: c.before }} /> : "（空）"}</td>
            <td data-label="修改稿">{c.after ? <Segment segment={{ kind: "added", text: c.after }} /> : "（空）"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

type Version = DraftFields & { label: string; body: string };

/** The differences between two versions of a reply draft, older first: its other fields, then its body. */
export function DraftDiff({ before, after }: { before: Version; after: Version }) {
  const diff = diffDrafts(before.body, after.body);
  const fields = diffDraftFields(before, after);
  const identical = diff.added + diff.removed + diff.changed === 0 && fields.length === 0;
  return (
    <section className="space-y-3 text-sm leading-relaxed" aria-label={`${before.label}与${after.label}的比较`}>
      <p>
        <strong className="font-semibold">
          {before.label} → {after.label}：
        </strong>
        {summary(diff, fields)}
      </p>
      {!identical && (
        <p className="text-xs text-slate-600">
          图例：<span className={DEL}>删除的文字</span> <span className={INS}>插入的文字</span>
        </p>
      )}
      {fields.length > 0 && <FieldChanges changes={fields} />}
      <div className="space-y-2 font-serif text-base">
        {diff.paragraphs.map((paragraph, i) => (
          <Paragraph key={i} paragraph={paragraph} />
        ))}
      </div>
    </section>
  );
}
