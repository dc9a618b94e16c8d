/**
 * Oversized request bodies (issue 17, item 1): anonymous floods of 50 MB posts to the sign-in action —
 * with a Content-Length, chunked without one, gzip-compressed — are refused (413 from the declared length
 * before the body is read, 413 past 1 MB counted as a chunked body arrives, 415 for a compressed one); the server keeps answering, its memory stays bounded, and it is the same
 * process afterwards. No server action takes more than 1 MB, the upload forms' included: files go to the
 * upload route, which takes a file's size only from a session allowed to upload and streams it to disk.
 */
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import zlib from "node:zlib";
import JSZip from "jszip";
import { E2E } from "../env";
import { expect, test } from "../fixtures";
import { actionIds, callAction, column, isChineseMessage, one, readDb, sessionToken, uploadFile } from "./support";

const MB = 1024 * 1024;
const SIGN_IN = "app/login/actions.ts#signInAction";
const IMPORT = "app/(staff)/proposals/import/actions.ts#importListAction";
const REGISTER = "app/(staff)/proposals/new/actions.ts#registerProposalAction";

/** The production server's process (server/main.ts) for the e2e port. */
function serverPid(): number {
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (!fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").includes("app-server.mjs")) continue;
      if (fs.readFileSync(`/proc/${entry}/environ`, "utf8").split("\0").includes(`PORT=${E2E.port}`)) return Number(entry);
    } catch {
      // A process that ended meanwhile.
    }
  }
  throw new Error(`no server process for port ${E2E.port}`);
}

/** kB figures of /proc/<pid>/status, in MB. */
function memory(pid: number): { rss: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(status)![1]) / 1024;
  return { rss: kb("VmRSS"), peak: kb("VmHWM") };
}

type Sent = { status: number; body: string; sentMB: number };

/**
 * Posts `totalBytes` of zeros (or the given body) in 1 MB writes, as a hostile client would, and stops
 * sending once the answer arrives. `declare: false` sends it chunked, without Content-Length.
 */
function post(options: {
  headers: Record<string, string>;
  totalBytes: number;
  declare: boolean;
  chunk?: Buffer;
  path?: string;
}): Promise<Sent> {
  return new Promise((resolve) => {
    const chunk = options.chunk ?? Buffer.alloc(MB);
    let sent = 0;
    let answered = false;
    const request = http.request(
      `${E2E.baseURL}${options.path ?? "/login"}`,
      {
        method: "POST",
        agent: false,
        headers: { ...options.headers, ...(options.declare ? { "content-length": String(options.totalBytes) } : {}) },
      },
      (response) => {
        answered = true;
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (c: string) => (body += c));
        response.on("end", () => {
          resolve({ status: response.statusCode ?? 0, body, sentMB: Math.round(sent / MB) });
          request.destroy();
        });
      },
    );
    request.on("error", (error) => {
      if (!answered) resolve({ status: 0, body: String(error), sentMB: Math.round(sent / MB) });
    });
    const write = () => {
      while (!answered && sent < options.totalBytes) {
        const piece = chunk.subarray(0, Math.min(chunk.length, options.totalBytes - sent));
        sent += piece.length;
        if (!request.write(piece)) return void request.once("drain", write);
      }
      if (!answered) request.end();
    };
    write();
  });
}

test("floods of 50 MB posts to the sign-in action are refused unread; the server answers on, its memory bounded", async () => {
  test.setTimeout(180_000);
  const pid = serverPid();
  const headers = {
    "next-action": actionIds().get(SIGN_IN)!,
    "content-type": "multipart/form-data; boundary=----flood",
    accept: "text/x-component",
    origin: E2E.baseURL,
  };
  // A gzip body that would unpack to 50 MB, in 50 KB.
  const gzipped = zlib.gzipSync(Buffer.alloc(50 * MB));

  // The sign-in page rendered once first, so that its first render's code loading is not counted as the flood's.
  expect((await fetch(`${E2E.baseURL}/login`)).status).toBe(200);
  // The high-water mark from here on, not since the server started: other specs print PDFs before this one.
  fs.writeFileSync(`/proc/${pid}/clear_refs`, "5");
  const before = memory(pid);
  let sampling = true;
  let rssPeak = 0;
  const sampler = (async () => {
    while (sampling) {
      rssPeak = Math.max(rssPeak, memory(pid).rss);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  const started = performance.now();
  const answers = await Promise.all([
    ...(await Promise.all(Array.from({ length: 16 }, async () => post({ headers, totalBytes: 50 * MB, declare: true })))),
    ...(await Promise.all(
      Array.from({ length: 8 }, async () =>
        post({ headers: { ...headers, "transfer-encoding": "chunked" }, totalBytes: 50 * MB, declare: false }),
      ),
    )),
    ...(await Promise.all(
      Array.from({ length: 8 }, async () =>
        post({ headers: { ...headers, "content-encoding": "gzip" }, totalBytes: gzipped.length, declare: true, chunk: gzipped }),
      ),
    )),
  ]);
  const seconds = (performance.now() - started) / 1000;
  sampling = false;
  await sampler;

  expect(answers.slice(0, 16).map((a) => a.status)).toEqual(Array(16).fill(413));
  // Chunked, with no length to judge by: counted as they arrive, refused past 1 MB.
  expect(answers.slice(16, 24).map((a) => a.status)).toEqual(Array(8).fill(413));
  expect(answers.slice(24).map((a) => a.status)).toEqual(Array(8).fill(415));
  expect(answers.every((a) => isChineseMessage(a.body))).toBe(true);

  // Still the same process, answering, with its memory bounded.
  const login = await fetch(`${E2E.baseURL}/login`);
  expect(login.status).toBe(200);
  expect(serverPid()).toBe(pid);
  const after = memory(pid);
  test.info().annotations.push({
    type: "flood",
    description: `32 posts (16 × 50 MB declared, 8 chunked, 8 gzip) answered in ${seconds.toFixed(1)} s; client sent ${answers.reduce((n, a) => n + a.sentMB, 0)} MB before the answers; server RSS before ${before.rss.toFixed(0)} MB, sampled peak ${rssPeak.toFixed(0)} MB, VmHWM ${after.peak.toFixed(0)} MB, now ${after.rss.toFixed(0)} MB`,
  });
  // Read into memory, the 1.2 GB sent would have grown the server by gigabytes (or killed it); refused unread, it barely grows.
  // Other specs share the server meanwhile (a letter PDF costs tens of MB): 200 MB leaves room for them, far
  // below the 800 MB the declared bodies alone would take read into memory.
  expect(after.peak - before.rss).toBeLessThan(200);
});

test("no server action takes more than 1 MB, not even the forms that upload, whoever posts", async () => {
  const cookie = (token: string) => ({ cookie: `authjs.session-token=${token}` });
  const coordinator = cookie(await sessionToken("coordinator"));
  for (const [action, page] of [
    [REGISTER, "/proposals/new"],
    [IMPORT, "/proposals/import"],
  ] as const) {
    const headers = {
      "next-action": actionIds().get(action)!,
      "content-type": "multipart/form-data; boundary=----upload",
      accept: "text/x-component",
      origin: E2E.baseURL,
      ...coordinator,
    };
    const answer = await post({ headers, totalBytes: 50 * MB, declare: true, path: page });
    expect(answer.status).toBe(413);
    expect(answer.body).toBe("提交的内容过大（最多 1 MB），请减小后重试。");
  }
});

/**
 * Sends only the headers of a 10 MB upload and the first KB of its body, and waits for the answer: a
 * caller who may not upload is answered before the rest is sent (the body is never read for them).
 */
function uploadHeadOnly(headers: Record<string, string>): Promise<{ status: number; body: string; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const request = http.request(`${E2E.baseURL}/api/uploads?purpose=attachment`, {
      method: "POST",
      agent: false,
      headers: {
        "content-type": "multipart/form-data; boundary=----upload",
        "content-length": String(10 * MB),
        origin: E2E.baseURL,
        ...headers,
      },
    });
    request.on("response", (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (c: string) => (body += c));
      response.on("end", () => {
        resolve({ status: response.statusCode ?? 0, body, ms: performance.now() - started });
        request.destroy();
      });
    });
    request.on("error", reject);
    request.write(Buffer.alloc(1024));
    setTimeout(() => reject(new Error("no answer before the body was sent")), 10_000).unref();
  });
}

test("the upload route answers an anonymous caller 401 and a member 403 before reading the body", async () => {
  const anonymous = await uploadHeadOnly({});
  expect(anonymous).toMatchObject({ status: 401, body: "请先登录后再上传文件" });
  const member = await uploadHeadOnly({ cookie: `authjs.session-token=${await sessionToken("liuxr")}` });
  expect(member).toMatchObject({ status: 403, body: "您没有上传文件的权限" });
  // The route itself, behind the front server, refuses them too (a small body reaches it), and a role
  // that may upload, but not for this purpose: a director attaches no files (a handler does, to replies).
  expect((await uploadFile(undefined, "attachment", { file: Buffer.from("%PDF-1.4"), name: "a.pdf" })).status).toBe(401);
  expect((await uploadFile(await sessionToken("liuxr"), "attachment", { file: Buffer.from("%PDF-1.4"), name: "a.pdf" })).status).toBe(403);
  expect(await uploadFile(await sessionToken("dengmj"), "attachment", { file: Buffer.from("%PDF-1.4"), name: "a.pdf" })).toMatchObject({
    status: 403,
    body: "您没有上传此类文件的权限",
  });
  // A coordinator's file over 10 MB is refused as it streams, and nothing is kept of it.
  const big = await uploadFile(await sessionToken("coordinator"), "attachment", {
    file: Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(10 * MB)]),
    name: "大.pdf",
  });
  expect(big.status).toBe(413);
  expect(isChineseMessage(big.body)).toBe(true);
  // Other specs upload meanwhile: only this file's name must be absent.
  expect(await readDb((db) => one(db, "select count(*) from uploads where file_name = '大.pdf'"))).toBe(0);
});

test("four 10 MB uploads at once stream to disk: the server's memory stays bounded", async () => {
  test.setTimeout(120_000);
  const pid = serverPid();
  const token = await sessionToken("coordinator");
  const file = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(10 * MB - 64, 0x20)]);
  let sampling = true;
  let rssPeak = 0;
  const sampler = (async () => {
    while (sampling) {
      rssPeak = Math.max(rssPeak, memory(pid).rss);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  const before = memory(pid).rss;
  const started = performance.now();
  const answers = await Promise.all(
    Array.from({ length: 4 }, async (_, i) => uploadFile(token, "attachment", { file, name: `材料${i}.pdf`, type: "application/pdf" })),
  );
  const seconds = (performance.now() - started) / 1000;
  sampling = false;
  await sampler;
  expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
  const sizes = await readDb((db) => Promise.all(answers.map((a) => one(db, "select size from uploads where id = ?", a.id))));
  expect(sizes).toEqual(Array(4).fill(file.length));
  test.info().annotations.push({
    type: "uploads",
    description: `4 × 10 MB uploaded at once in ${seconds.toFixed(1)} s; server RSS ${before.toFixed(0)} MB before, sampled peak ${rssPeak.toFixed(0)} MB`,
  });
  // Judged by growth during the uploads (earlier specs leave the server larger): held in memory, the four
  // files alone would add 40 MB.
  expect(rssPeak - before).toBeLessThan(40);
});

test("an upload the client abandons half-way leaves no file behind, and the server answers on", async () => {
  const pid = serverPid();
  const incoming = `${path.resolve(`${E2E.databasePath.replace(/\.db$/, "")}-attachments`)}-incoming`;
  const files = () => (fs.existsSync(incoming) ? fs.readdirSync(incoming) : []);
  const before = files();
  const token = await sessionToken("coordinator");
  const boundary = "----abandoned";
  await new Promise<void>((resolve) => {
    const request = http.request(`${E2E.baseURL}/api/uploads?purpose=attachment`, {
      method: "POST",
      agent: false,
      headers: {
        "content-type": `multipart/form-data; boundary=${boundary}`,
        "content-length": String(8 * MB),
        origin: E2E.baseURL,
        cookie: `authjs.session-token=${token}`,
      },
    });
    request.on("error", () => resolve());
    request.write(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="半途.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n`,
    );
    request.write(Buffer.alloc(2 * MB), () =>
      setTimeout(() => {
        request.destroy();
        resolve();
      }, 300),
    );
  });
  // Files of uploads that ended have a row (other specs upload meanwhile); the abandoned one has none and must be gone.
  const recorded = async () => new Set(await readDb((db) => column<string>(db, "select id from uploads")));
  await expect
    .poll(
      async () => {
        const known = await recorded();
        return files().filter((f) => !before.includes(f) && !known.has(f));
      },
      { timeout: 10_000 },
    )
    .toEqual([]);
  expect((await fetch(`${E2E.baseURL}/login`)).status).toBe(200);
  expect(serverPid()).toBe(pid);
});

test("a zip bomb through 导入交办清单 is refused before it is unpacked, and the server answers on", async () => {
  test.setTimeout(90_000);
  const pid = serverPid();
  // A real workbook whose sheet unpacks to 120 MB, in a few hundred KB.
  const zip = new JSZip();
  const row =
    '<row r="1"><c r="A1" t="inlineStr"><is><t>AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA</t></is></c></row>';
  zip.file("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file("xl/worksheets/sheet1.xml", `<worksheet><sheetData>${row.repeat(Math.ceil((120 * MB) / row.length))}</sheetData></worksheet>`);
  const bomb = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 9 } });
  expect(bomb.length).toBeLessThan(MB);
  const token = await sessionToken("coordinator");
  const started = performance.now();
  const uploaded = await uploadFile(token, "workbook", { file: bomb, name: "清单.xlsx" });
  expect(uploaded.status).toBe(200);
  const response = await callAction({ action: IMPORT, page: "/proposals/import", token, fields: { sessionId: "1", file: uploaded.id! } });
  expect(response.result).toMatchObject({ ok: false, fieldErrors: { file: expect.stringMatching(/^文件解压后过大/) } });
  expect(performance.now() - started).toBeLessThan(5000);
  expect((await fetch(`${E2E.baseURL}/login`)).status).toBe(200);
  expect(serverPid()).toBe(pid);
});
