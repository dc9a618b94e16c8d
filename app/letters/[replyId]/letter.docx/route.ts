import { docxResponse } from "../../_server/respond";

/** The signed reply letter as DOCX: every addressee's letter, or the one ?to= names. */
export async function GET(request: Request, { params }: { params: Promise<{ replyId: string }> }) {
  return docxResponse(request, { kind: "reply", replyId: Number((await params).replyId) });
}
