/** The director's reason for sending the draft back, above whatever the handler does next. */
export function ReturnComment({ signer, comment }: { signer: string; comment: string }) {
  return (
    <p className="mb-3 rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
      {signer}退回修改意见：{comment}
    </p>
  );
}
