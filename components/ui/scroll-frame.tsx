/**
 * Something wider than a phone (a wide table, a chart) that scrolls sideways inside its own frame rather
 * than the page; a named, focusable region so that the keyboard can scroll it too. It is the containing
 * block of what is positioned inside (e.g. screen-reader-only text), so that nothing escapes its clipping.
 */
export function ScrollFrame({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div role="region" aria-label={`${label}（可横向滚动）`} tabIndex={0} className="relative overflow-x-auto">
      {children}
    </div>
  );
}
