/**
 * A meeting's photos on its page: thumbnails (the photo itself, scaled; each links to its download), the
 * changes made after the record was saved, and for the unit's handlers the controls to add and remove.
 */
import Image from "next/image";
import type { PhotoChange } from "@/db/queries/meetings";
import { eventLabel } from "@/lib/event-labels";
import { dateTimeInChina, fileSize } from "@/lib/format";
import { MAX_MEETING_PHOTOS } from "@/lib/import/attachments";
import { AddPhotos, RemovePhoto } from "./photo-forms";

export type MeetingPhotoLink = { id: number; fileName: string; size: number };

export const meetingPhotoHref = (meetingId: number, photoId: number) => `/meetings/${meetingId}/photos/${photoId}`;

export function MeetingPhotos({
  meetingId,
  photos,
  changes,
  editable,
}: {
  meetingId: number;
  photos: readonly MeetingPhotoLink[];
  changes: readonly PhotoChange[];
  editable: boolean;
}) {
  return (
    <section aria-labelledby="photos-h" className="rounded border border-slate-200 bg-white p-4">
      <h2 id="photos-h" className="mb-2 font-semibold">
        会议照片（{photos.length} 张）
      </h2>
      {photos.length === 0 ? (
        <p className="text-sm text-slate-600">未上传照片。</p>
      ) : (
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
          {photos.map((photo, i) => {
            const label = `照片 ${i + 1}（${photo.fileName}）`;
            return (
              <li key={photo.id} className="min-w-0 space-y-1">
                <a
                  href={meetingPhotoHref(meetingId, photo.id)}
                  className="block overflow-hidden rounded border border-slate-200 bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-700"
                >
                  {/* The stored photo itself, scaled by the browser (not the image optimizer, which has no session); the route checks access as the page does. */}
                  <Image
                    src={meetingPhotoHref(meetingId, photo.id)}
                    alt={`下载${label}`}
                    width={400}
                    height={300}
                    unoptimized
                    className="aspect-[4/3] w-full object-cover"
                  />
                </a>
                <p className="flex flex-wrap items-baseline gap-x-2 text-xs text-slate-600">
                  <span className="min-w-0 break-all">{photo.fileName}</span>
                  <span>{fileSize(photo.size)}</span>
                  {editable && <RemovePhoto meetingId={meetingId} photoId={photo.id} label={label} />}
                </p>
              </li>
            );
          })}
        </ul>
      )}
      {editable && <AddPhotos meetingId={meetingId} room={MAX_MEETING_PHOTOS - photos.length} />}
      {changes.length > 0 && (
        <details className="mt-3 text-sm">
          <summary className="cursor-pointer text-slate-700">照片变更记录（{changes.length} 条）</summary>
          <ul className="mt-1 space-y-1 text-slate-700">
            {changes.map((c) => (
              <li key={c.id}>
                <span className="text-slate-500">{dateTimeInChina(c.createdAt)}</span> {c.actor ?? "—"} {eventLabel(c.action)}：
                {c.fileNames.join("、")}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
