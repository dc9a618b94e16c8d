"use client";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { uploadUnitCertificate } from "./actions";

export type CertificateView = { subject: string; notAfter: string; uploadedOn: string } | null;

/** 电子签章: the unit's current certificate, and the upload of a new one (PKCS#12 and its password). */
export function CertificateForm({ unitId, current }: { unitId: number; current: CertificateView }) {
  const { state, dispatch, onSubmit } = useFormAction(uploadUnitCertificate);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <>
      {current ? (
        <p className="text-sm text-slate-700">
          当前证书：{current.subject}；有效期至 {current.notAfter}；{current.uploadedOn} 上传。本单位签发的答复函 PDF 加盖此证书的电子签章。
        </p>
      ) : (
        <p className="text-sm text-amber-800">尚未上传签章证书：本单位签发的答复函 PDF 不加盖电子签章。</p>
      )}
      <form action={dispatch} onSubmit={onSubmit} noValidate className="mt-3 space-y-3">
        <input type="hidden" name="unitId" value={unitId} />
        <Field label="证书文件（PKCS#12：.p12 或 .pfx）" name="p12" error={errors?.p12} required>
          {(p) => <input {...p} type="file" accept=".p12,.pfx,application/x-pkcs12" className="block text-sm" />}
        </Field>
        <Field
          label="证书密码"
          name="password"
          error={errors?.password}
          hint="密码与证书一起加密保存，仅用于签发时自动签章，不会显示或下载。"
        >
          {(p) => <input {...p} type="password" autoComplete="off" maxLength={200} className="input" />}
        </Field>
        <SubmitButton>{current ? "更换证书" : "上传证书"}</SubmitButton>
        <FormStatus state={state} />
      </form>
    </>
  );
}
