/** The single row of a table whose filters match nothing. */
export function EmptyRow({ colSpan, children }: { colSpan: number; children: React.ReactNode }) {
  return (
    <tr>
      <td colSpan={colSpan} className="py-6 text-center text-slate-500">
        {children}
      </td>
    </tr>
  );
}
