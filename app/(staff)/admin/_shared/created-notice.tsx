/** The confirmation a list shows after it was reached from a create form. */
export function CreatedNotice({ children }: { children: React.ReactNode }) {
  return (
    <p role="status" className="mb-4 rounded border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-800">
      {children}
    </p>
  );
}
