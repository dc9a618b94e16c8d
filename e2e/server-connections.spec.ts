import net from "node:net";
import { expect, test } from "@playwright/test";
import { E2E } from "./env";

/**
 * A reverse proxy keeps idle connections to the app open for up to 60 s (deploy/nginx/tian-banli.conf) and sends the next
 * request on one of them. Node's default closes an idle connection after 5 s, and a POST sent at that moment was reset and
 * answered 502 by nginx (the multi-instance test's CI run, issue 21): the server must keep it open longer than the proxy.
 */
test("an idle keep-alive connection is still open after 8 s, and answers the next request on it", async () => {
  test.setTimeout(30_000);
  const { hostname, port } = new URL(E2E.baseURL);
  const socket = net.connect(Number(port), hostname);
  let received = "";
  let closedAt: number | null = null;
  socket.on("data", (chunk) => {
    received += chunk.toString("latin1");
  });
  socket.on("close", () => {
    closedAt = Date.now();
  });
  await new Promise<void>((resolve, reject) => socket.once("connect", resolve).once("error", reject));
  const ask = () => socket.write(`GET /humans.txt HTTP/1.1\r\nHost: ${hostname}:${port}\r\nConnection: keep-alive\r\n\r\n`);
  const answers = () => received.match(/^HTTP\/1\.1 200 /gm)?.length ?? 0;

  ask();
  await expect.poll(answers).toBe(1);
  await new Promise((resolve) => setTimeout(resolve, 8_000));
  expect(closedAt, "the server closed the idle connection").toBeNull();
  ask();
  await expect.poll(answers).toBe(2);
  socket.destroy();
});
