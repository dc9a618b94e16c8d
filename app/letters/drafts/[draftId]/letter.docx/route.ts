import { docxResponse } from "../../../_server/respond";

/** The draft version of a reply letter (staff who may see drafts) as DOCX. */
export async function GET(request: Request, { params }: { params: Promise<{ draftId: string }> }) {
  return docxResponse(request, { kind: "draft", draftId: Number((await params).draftId) });
}
