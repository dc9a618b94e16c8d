/** The front server's request body limits (scripts/lib/body-limits.ts), decided from the headers alone. */
import { describe, expect, it } from "vitest";
import { bodyVerdict, type BodyRequest } from "@/scripts/lib/body-limits";
import { Slots } from "@/lib/slots";

const MB = 1024 * 1024;
const ids = new Map([
  ["app/login/actions.ts#signInAction", "sign-in-id"],
  ["app/(staff)/proposals/new/actions.ts#registerProposalAction", "register-id"],
  ["app/(staff)/proposals/import/actions.ts#importListAction", "import-id"],
]);

const post = (headers: BodyRequest["headers"], pathname = "/login"): BodyRequest => ({ method: "POST", pathname, headers });
const as = (role: string | null) => async () => role;
const verdict = (request: BodyRequest, role: string | null = null) => bodyVerdict(request, ids, as(role));

describe("bodyVerdict", () => {
  it("lets bodies up to 1 MB through to any action, and requests without a body", async () => {
    expect(await verdict(post({ "content-length": String(MB), "next-action": "sign-in-id" }))).toEqual({ kind: "ordinary" });
    expect(await verdict({ method: "GET", pathname: "/", headers: {} })).toEqual({ kind: "none" });
  });

  it("refuses a 50 MB sign-in and compressed bodies from their headers, and caps a chunked body at the same limit", async () => {
    expect(await verdict(post({ "content-length": String(50 * MB), "next-action": "sign-in-id" }))).toEqual({ kind: "refused", refusal: { status: 413, message: "提交的内容过大（最多 1 MB），请减小后重试。" } });
    expect(await verdict(post({ "transfer-encoding": "chunked", "next-action": "sign-in-id" }))).toEqual({ kind: "capped", bytes: MB, big: false, refusal: { status: 413, message: "提交的内容过大（最多 1 MB），请减小后重试。" } });
    expect(await verdict(post({ "content-length": "100", "content-encoding": "gzip" }))).toMatchObject({ refusal: { status: 415, message: "不接受压缩的请求内容。" } });
    expect(await verdict(post({ "content-length": "1e9" }))).toMatchObject({ refusal: { status: 413 } });
  });

  it("takes an upload's size only from a session that may upload, up to that upload's limit", async () => {
    const register = post({ "content-length": String(40 * MB), "next-action": "register-id" }, "/anywhere");
    expect(await verdict(register, "coordinator")).toEqual({ kind: "big", bytes: 40 * MB });
    expect(await verdict(register, null)).toMatchObject({ refusal: { status: 413, message: "提交的内容过大（最多 1 MB），请减小后重试。" } });
    expect(await verdict(register, "handler")).toMatchObject({ refusal: { status: 413 } });
    expect(await verdict(post({ "content-length": String(7 * MB), "next-action": "import-id" }), "coordinator")).toMatchObject({ refusal: { message: "提交的内容过大（最多 6 MB），请减小后重试。" } });
    // Without a declared length (Next forwards an action to its page so), the same limits are counted as it arrives.
    const chunkedRegister = post({ "transfer-encoding": "chunked", "next-action": "register-id" });
    expect(await verdict(chunkedRegister, "coordinator")).toMatchObject({ kind: "capped", bytes: 51 * MB, big: true });
    expect(await verdict(chunkedRegister, null)).toMatchObject({ kind: "capped", bytes: MB, big: false });
    // A form posted before the page's script ran names its action in the body: its page decides.
    expect(await verdict(post({ "content-length": String(4 * MB) }, "/proposals/import"), "coordinator")).toEqual({ kind: "big", bytes: 4 * MB });
    expect(await verdict(post({ "content-length": String(4 * MB) }, "/login"), "coordinator")).toMatchObject({ refusal: { status: 413 } });
  });

  it("asks for the session only when an upload is over the ordinary size", async () => {
    let asked = 0;
    await bodyVerdict(post({ "content-length": "500", "next-action": "register-id" }), ids, async () => {
      asked++;
      return null;
    });
    await bodyVerdict(post({ "content-length": String(50 * MB), "next-action": "sign-in-id" }), ids, async () => {
      asked++;
      return null;
    });
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
