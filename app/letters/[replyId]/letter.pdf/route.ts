import { pdfResponse } from "../../_server/respond";

/** The signed reply letter as PDF: every addressee's letter, or the one ?to= names. */
export async function GET(request: Request, { params }: { params: Promise<{ replyId: string }> }) {
  return pdfResponse(request, { kind: "reply", replyId: Number((await params).replyId) });
}
