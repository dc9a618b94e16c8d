import { getDb } from "@/db/client";
import { meetingPhotoFile, meetingUnitOf } from "@/db/queries/meetings";
import { can, canViewMeeting } from "@/lib/authz";
import { storedFileResponse } from "../../../../../_server/download";
import { downloadCaller } from "../../../../../_server/guard";

const text = (message: string, status: number) =>
  new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/**
 * A meeting's photo (the page's thumbnails, and the download behind each), to those who may read the
 * meeting, refused as its page refuses: 403 to a role that sees no meetings, 404 for a meeting that does
 * not exist, 403 to a unit that did not hold it; 404 for a photo the meeting does not have.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; photoId: string }> }) {
  const user = await downloadCaller();
  if (user instanceof Response) return user;
  if (!can(user, "viewMeetings")) return text("无权访问", 403);
  const { id, photoId } = await params;
  const db = getDb();
  const meetingId = Number(id);
  const unitId = /^\d+$/.test(id) && Number.isSafeInteger(meetingId) ? await meetingUnitOf(db, meetingId) : null;
  if (unitId === null) return text("会议记录不存在", 404);
  if (!canViewMeeting(user, unitId)) return text("无权访问", 403);
  const photo = /^\d+$/.test(photoId) ? await meetingPhotoFile(db, meetingId, Number(photoId)) : null;
  if (!photo) return text("照片不存在", 404);
  return storedFileResponse(photo);
}
