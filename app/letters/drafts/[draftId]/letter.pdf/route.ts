import { pdfResponse } from "../../../_server/respond";

/** The draft version of a reply letter (staff who may see drafts) as PDF. */
export async function GET(request: Request, { params }: { params: Promise<{ draftId: string }> }) {
  return pdfResponse(request, { kind: "draft", draftId: Number((await params).draftId) });
}
