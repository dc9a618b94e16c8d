import { printResponse } from "../../_server/respond";

/** The print view of a signed reply letter (GB/T 9704 layout), with its downloads. */
export async function GET(request: Request, { params }: { params: Promise<{ replyId: string }> }) {
  return printResponse(request, { kind: "reply", replyId: Number((await params).replyId) });
}
