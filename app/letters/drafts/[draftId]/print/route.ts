import { printResponse } from "../../../_server/respond";

/** The print view (GB/T 9704 layout) of one draft version of a reply letter, for staff who may see drafts. */
export async function GET(request: Request, { params }: { params: Promise<{ draftId: string }> }) {
  return printResponse(request, { kind: "draft", draftId: Number((await params).draftId) });
}
