import type { Metadata } from "next";
import { receiptTokenSecret } from "@/db/handling/receipt-tokens";
import { chineseDate } from "@/lib/format";
import { readVerifyResult, VERIFY_MAX_BYTES, VERIFY_PATH, type VerifyResult } from "@/lib/signing/verify-result";
import { Breadcrumb } from "../../_components/breadcrumb";
import { reading } from "../../_server/prefs";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await reading()).t("答复函真伪核验") };
}

function Answer({ result, t }: { result: VerifyResult; t: (text: string) => string }) {
  if (result.kind === "error")
    return (
      <div role="alert" className="verify-answer verify-bad">
        <p className="font-bold">{t(result.message)}</p>
      </div>
    );
  const hash = (
    <p className="mt-2 text-sm break-all">
      {t("所核验文件的 SHA-256：")}
      <code>{result.sha256}</code>
    </p>
  );
  if (result.kind === "genuine")
    return (
      <div role="status" className="verify-answer verify-good">
        <p className="font-bold">{t("核验通过：这是本系统出具的答复函，文件未被改动。")}</p>
        <table className="portal-meta mt-3 mb-0">
          <tbody>
            <tr>
              <th scope="row">{t("签章单位")}</th>
              <td>{t(result.unitName)}</td>
            </tr>
            <tr>
              <th scope="row">{t("发文字号")}</th>
              <td>{t(result.docNumber)}</td>
            </tr>
            <tr>
              <th scope="row">{t("成文日期")}</th>
              <td>{t(chineseDate(result.writtenOn))}</td>
            </tr>
            <tr>
              <th scope="row">{t("答复事项")}</th>
              <td>{t(result.proposalTitle)}</td>
            </tr>
          </tbody>
        </table>
        {hash}
      </div>
    );
  if (result.kind === "altered")
    return (
      <div role="alert" className="verify-answer verify-bad">
        <p className="font-bold">{t("核验未通过：文件在签章后已被改动，不是本系统出具的原件。")}</p>
        <p className="mt-2">{t(`文件上的电子签章属于${result.unitName}，但签章后的内容与出具时不一致。请向该单位索取原件。`)}</p>
        {hash}
      </div>
    );
  return (
    <div role="alert" className="verify-answer verify-bad">
      <p className="font-bold">{t("核验未通过：未找到本系统的电子签章，此文件不是本系统出具的答复函。")}</p>
      {hash}
    </div>
  );
}

/**
 * 答复函真伪核验: anyone uploads a letter PDF and learns whether it is one this system issued, unaltered, and whose
 * (docs/domain.md, 电子签章). The form posts to VERIFY_PATH, which redirects here with the signed answer.
 */
export default async function VerifyPage({ searchParams }: { searchParams: Promise<{ r?: string | string[] }> }) {
  const { t } = await reading();
  const { r } = await searchParams;
  const result = typeof r === "string" ? readVerifyResult(r, receiptTokenSecret()) : null;
  return (
    <>
      <Breadcrumb t={t} />
      <div className="portal-panel">
        <h1 className="portal-heading">{t("答复函真伪核验")}</h1>
        {typeof r === "string" && !result && (
          <p role="alert" className="verify-answer verify-bad">
            {t("核验结果已过期或无效，请重新上传文件。")}
          </p>
        )}
        {result && <Answer result={result} t={t} />}
        <p className="mt-4">
          {t(
            "本系统出具的答复函 PDF 均加盖承办单位的电子签章（数字签名）。上传答复函 PDF，可核验它是否为本系统出具、签章后是否被改动，以及签章单位、发文字号和成文日期。文件只用于本次核验，不会保存。",
          )}
        </p>
        <form action={VERIFY_PATH} method="post" encType="multipart/form-data" className="portal-filters mt-4">
          <div className="portal-filter">
            <label htmlFor="verify-file">{t(`答复函 PDF 文件（不超过 ${VERIFY_MAX_BYTES / 1024 / 1024} MB）`)}</label>
            <input id="verify-file" name="file" type="file" accept="application/pdf,.pdf" required />
          </div>
          <button type="submit" className="portal-button">
            {t("核验")}
          </button>
        </form>
      </div>
    </>
  );
}
