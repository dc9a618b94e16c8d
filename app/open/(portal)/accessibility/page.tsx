import type { Metadata } from "next";
import { Breadcrumb } from "../../_components/breadcrumb";
import { reading } from "../../_server/prefs";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await reading()).t("无障碍说明") };
}

/** 无障碍: what the site offers readers who use the keyboard, a screen reader or large type. */
export default async function AccessibilityPage() {
  const { t, care } = await reading();
  const items = [
    "每页第一个链接“跳到正文”可直接到达正文；页面分为页眉、导航、正文和页脚区域，读屏软件可按区域跳转。",
    "所有链接、按钮和表单均可只用键盘操作：Tab 键前进，Shift+Tab 后退，回车键确认；获得焦点的元素有醒目的边框。",
    "答复函页面的“A+”“A-”按钮可放大或缩小正文字号，“打印”只打印答复函正文。",
    "关怀版采用大字号、高对比度和单栏布局，并可用浏览器自带的语音“朗读”答复函。",
    "繁體版将全站内容转换为繁体中文，选择在各页面间保持。",
  ];
  return (
    <>
      <Breadcrumb t={t} />
      <div className="portal-panel">
        <h1 className="portal-heading">{t("无障碍说明")}</h1>
        <ul className="list-disc space-y-2 pl-6">
          {items.map((text) => (
            <li key={text}>{t(text)}</li>
          ))}
        </ul>
        <p className="mt-6">
          <a className="portal-button" href={`/open/prefs?care=${care ? "0" : "1"}`}>
            {t(care ? "返回标准版" : "切换到关怀版")}
          </a>
        </p>
      </div>
    </>
  );
}
