/** The front server's request body limits (server/body-limits.ts), decided from the headers alone. */
import { describe, expect, it } from "vitest";
import { bodyVerdict, type BodyRequest } from "@/server/body-limits";
import { Slots } from "@/lib/slots";
import { VERIFY_PATH, VERIFY_REQUEST_BYTES } from "@/lib/signing/verify-result";
import { UPLOAD_PATH, UPLOAD_REQUEST_BYTES } from "@/lib/uploads";

const MB = 1024 * 1024;
const post = (headers: BodyRequest["headers"], pathname = "/login"): BodyRequest => ({ method: "POST", pathname, headers });
const as = (role: string | null) => async () => role;
const verdict = async (request: BodyRequest, role: string | null = null) => bodyVerdict(request, as(role));
const TOO_LARGE = "提交的内容过大（最多 1 MB），请减小后重试。";

describe("bodyVerdict", () => {
  it("takes a letter PDF of up to 10 MB at /open/verify's upload from anyone, and no more", async () => {
    expect(await verdict(post({ "content-length": String(5 * MB) }, VERIFY_PATH))).toEqual({ kind: "upload", bytes: 5 * MB });
    expect(await verdict(post({ "content-length": String(VERIFY_REQUEST_BYTES + 1) }, VERIFY_PATH))).toEqual({
      kind: "refused",
      refusal: { status: 413, message: "提交的内容过大（最多 10 MB），请减小后重试。" },
    });
    expect(await verdict(post({ "transfer-encoding": "chunked" }, VERIFY_PATH))).toMatchObject({
      kind: "capped",
      bytes: VERIFY_REQUEST_BYTES,
    });
    // Not the page itself, nor a GET.
    expect(await verdict(post({ "content-length": String(5 * MB) }, "/open/verify"))).toMatchObject({ kind: "refused" });
  });

  it("lets bodies up to 1 MB through to any action, and requests without a body", async () => {
    expect(await verdict(post({ "content-length": String(MB), "next-action": "sign-in-id" }))).toEqual({ kind: "ordinary" });
    expect(await verdict({ method: "GET", pathname: "/", headers: {} })).toEqual({ kind: "none" });
  });

  it("refuses a 50 MB sign-in and compressed bodies from their headers, and caps a chunked body at the same limit", async () => {
    expect(await verdict(post({ "content-length": String(50 * MB), "next-action": "sign-in-id" }))).toEqual({
      kind: "refused",
      refusal: { status: 413, message: TOO_LARGE },
    });
    expect(await verdict(post({ "transfer-encoding": "chunked", "next-action": "sign-in-id" }))).toEqual({
      kind: "capped",
      bytes: MB,
      refusal: { status: 413, message: TOO_LARGE },
    });
    expect(await verdict(post({ "content-length": "100", "content-encoding": "gzip" }))).toMatchObject({
      refusal: { status: 415, message: "不接受压缩的请求内容。" },
    });
    expect(await verdict(post({ "content-length": "1e9" }))).toMatchObject({ refusal: { status: 413 } });
  });

  it("takes megabytes for no server action, not even the forms that used to carry files, whoever the caller", async () => {
    for (const pathname of ["/proposals/new", "/proposals/import", "/anywhere"]) {
      expect(await verdict(post({ "content-length": String(2 * MB), "next-action": "register-id" }, pathname), "coordinator")).toEqual({
        kind: "refused",
        refusal: { status: 413, message: TOO_LARGE },
      });
    }
    expect(await verdict(post({ "transfer-encoding": "chunked" }, "/proposals/new"), "coordinator")).toMatchObject({
      kind: "capped",
      bytes: MB,
    });
  });

  it("takes a file's size only on the upload route, only from a session that may upload, and answers others at once", async () => {
    const upload = post({ "content-length": String(10 * MB) }, UPLOAD_PATH);
    expect(await verdict(upload, "coordinator")).toEqual({ kind: "upload", bytes: 10 * MB });
    expect(await verdict(upload, null)).toEqual({
      kind: "refused",
      refusal: { status: 401, message: "请先登录后再上传文件", early: true },
    });
    // Handlers attach files to replies, directors may upload the sealed scan; members and the administrator upload nothing.
    expect(await verdict(upload, "handler")).toEqual({ kind: "upload", bytes: 10 * MB });
    expect(await verdict(upload, "director")).toEqual({ kind: "upload", bytes: 10 * MB });
    expect(await verdict(upload, "member")).toEqual({
      kind: "refused",
      refusal: { status: 403, message: "您没有上传文件的权限", early: true },
    });
    expect(await verdict(upload, "admin")).toEqual({
      kind: "refused",
      refusal: { status: 403, message: "您没有上传文件的权限", early: true },
    });
    expect(await verdict(post({ "content-length": String(UPLOAD_REQUEST_BYTES + 1) }, UPLOAD_PATH), "coordinator")).toEqual({
      kind: "refused",
      refusal: { status: 413, message: "上传的文件过大（每个最多 10 MB）。" },
    });
    // Without a declared length, the same limit is counted as it arrives.
    expect(await verdict(post({ "transfer-encoding": "chunked" }, UPLOAD_PATH), "coordinator")).toMatchObject({
      kind: "capped",
      bytes: UPLOAD_REQUEST_BYTES,
    });
    expect(await verdict(post({ "transfer-encoding": "chunked" }, UPLOAD_PATH), null)).toMatchObject({
      kind: "refused",
      refusal: { status: 401 },
    });
  });

  it("asks for the session only when an upload is over the ordinary size", async () => {
    let asked = 0;
    const role = async () => {
      asked++;
      return null;
    };
    await bodyVerdict(post({ "content-length": "500" }, UPLOAD_PATH), role);
    await bodyVerdict(post({ "content-length": String(50 * MB), "next-action": "sign-in-id" }), role);
    expect(asked).toBe(0);
  });
});

describe("Slots", () => {
  it("admits two at a time, the next waiting its turn, and turns away after the wait", async () => {
    const bodies = new Slots(2, 100);
    const first = (await bodies.admit())!;
    await bodies.admit();
    const third = bodies.admit();
    first();
    first();
    expect(await third).toBeTypeOf("function");
    expect(await bodies.admit()).toBeNull();
  });
});
