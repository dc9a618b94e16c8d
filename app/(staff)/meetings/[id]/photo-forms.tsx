"use client";
/** The meeting page's photo controls for the unit's handlers: 添加照片 (up to the room left) and 删除 one. */
import { UploadField, useUploadForm } from "@/components/upload-field";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { MAX_ATTACHMENT_BYTES, PHOTO_ACCEPT, photoHint } from "@/lib/import/attachments";
import { addMeetingPhotosAction, removeMeetingPhotoAction } from "../actions";

export function AddPhotos({ meetingId, room }: { meetingId: number; room: number }) {
  const { state, dispatch, uploads, generation, errors } = useUploadForm(addMeetingPhotosAction);
  return (
    <form action={dispatch} onSubmit={uploads.onSubmit} noValidate className="mt-4 space-y-3 border-t border-slate-200 pt-3">
      <input type="hidden" name="meetingId" value={meetingId} />
      {room > 0 ? (
        <>
          <UploadField
            key={generation}
            label="选择要添加的照片"
            name="photos"
            purpose="photo"
            accept={PHOTO_ACCEPT}
            hint={photoHint(room)}
            maxBytes={MAX_ATTACHMENT_BYTES}
            maxFiles={room}
            error={uploads.notice ?? errors?.photos}
            onBusyChange={uploads.onBusyChange}
          />
          <SubmitButton variant="secondary">添加照片</SubmitButton>
        </>
      ) : (
        <p className="text-sm text-slate-600">照片已达上限；如需更换，请先删除。</p>
      )}
      <FormStatus state={state} />
    </form>
  );
}

export function RemovePhoto({ meetingId, photoId, label }: { meetingId: number; photoId: number; label: string }) {
  const { state, dispatch, onSubmit } = useFormAction(removeMeetingPhotoAction);
  return (
    <form action={dispatch} onSubmit={onSubmit} className="inline-flex flex-wrap items-center gap-2">
      <input type="hidden" name="meetingId" value={meetingId} />
      <input type="hidden" name="photoId" value={photoId} />
      <button type="submit" className="text-xs text-red-700 underline hover:text-red-800" aria-label={`删除${label}`}>
        删除
      </button>
      {state && !state.ok && (
        <span role="alert" className="text-xs text-red-700">
          {state.error}
        </span>
      )}
    </form>
  );
}
