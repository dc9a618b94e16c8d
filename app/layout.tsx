import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "提案办理", template: "%s - 提案办理" },
  description: "政协提案和人大建议办理系统",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="zh-CN">
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
