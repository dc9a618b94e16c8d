import { printResponse } from "../../../_server/respond";

/** The print view of a draft version of a reply letter (staff who may see drafts) (GB/T 9704 layout), with its downloads. */
export async function GET(request: Request, { params }: { params: Promise<{ draftId: string }> }) {
  return printResponse(request, { kind: "draft", draftId: Number((await params).draftId) });
}
