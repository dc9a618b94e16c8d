import { devices, type PlaywrightTestConfig } from "@playwright/test";

/**
 * Debian's Chromium (Playwright's own download is not reachable here: CHROMIUM_PATH or /usr/bin/chromium) as the
 * one browser project of every Playwright configuration, with `extraArgs` before the common flags.
 */
export function chromiumProject(extraArgs: string[] = []): NonNullable<PlaywrightTestConfig["projects"]>[number] {
  return {
    name: "chromium",
    use: {
      ...devices["Desktop Chrome"],
      launchOptions: {
        executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
        args: [
          ...extraArgs,
          "--no-sandbox",
          "--disable-gpu",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--no-first-run",
        ],
      },
    },
  };
}

/** What every configuration's pages share: a browser in China, traces and screenshots kept for failures. */
export const CHINA_BROWSER = {
  locale: "zh-CN",
  timezoneId: "Asia/Shanghai",
  trace: "retain-on-failure",
  screenshot: "only-on-failure",
} as const;
