/**
 * A real OpenID provider on loopback for the single sign-on's tests (e2e/sso.spec.ts) and for trying it by
 * hand: the `oidc-provider` package (the certified implementation), with a login form of its own standing in
 * for the government's identity platform. Authorization code flow with PKCE; the claims go out through the
 * userinfo endpoint, as the app reads them.
 *
 * With tian.gxq.gov.example (the app) and idp.gov.example (the platform) resolving to this machine (e.g. in
 * /etc/hosts; the browser and the app's server both look the platform up):
 *
 *   npx tsx scripts/oidc-test-provider.ts --port 4400 --host idp.gov.example \
 *     --redirect-uri http://tian.gxq.gov.example:3000/api/auth/callback/gov
 *
 * then start the app with OIDC_ISSUER=http://idp.gov.example:4400 OIDC_CLIENT_ID=tian-banli
 * OIDC_CLIENT_SECRET=test-secret-0123456789 OIDC_LINK_CLAIM=employee_number AUTH_URL=http://tian.gxq.gov.example:3000
 * (identities: see DEMO_IDENTITIES). AUTH_URL may not name a loopback address (lib/sso.ts says why).
 */
import { generateKeyPairSync, randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { parseArgs } from "node:util";
import Provider from "oidc-provider";

/** A person the identity platform knows: what they type into its form, and the claims it releases about them. */
export type TestIdentity = { login: string; password: string; claims: Record<string, string> };

export type TestClient = { clientId: string; clientSecret: string; redirectUri: string; postLogoutRedirectUri?: string };

/**
 * People of the platform for a demo database, one per case of the app's linking. Their 工号
 * (employee_number) is the demo username, their preferred_username is not: the app links by
 * OIDC_LINK_CLAIM=employee_number. zhangsan has no account in the app; nameless has no 工号.
 */
export const DEMO_IDENTITIES: TestIdentity[] = [
  {
    login: "jiang.mingjie",
    password: "idp-2026",
    claims: { name: "蒋明杰", preferred_username: "jiang.mingjie", employee_number: "jiangmj" },
  },
  { login: "zhangsan", password: "idp-2026", claims: { name: "张三", preferred_username: "zhangsan", employee_number: "zhangsan" } },
  {
    login: "cxfwzx",
    password: "idp-2026",
    claims: { name: "创新服务中心承办人", preferred_username: "cxfwzx", employee_number: "cxfwzx" },
  },
  { login: "nameless", password: "idp-2026", claims: { name: "无工号人员", preferred_username: "nameless" } },
];

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

function loginPage(uid: string, error?: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>政务统一身份认证平台（测试）</title>
<meta name="viewport" content="width=device-width"></head>
<body style="font-family:sans-serif;max-width:24rem;margin:3rem auto">
<h1>政务统一身份认证平台（测试）</h1>
${error ? `<p role="alert">${escapeHtml(error)}</p>` : ""}
<form method="post" action="/interaction/${encodeURIComponent(uid)}">
<p><label>统一认证账号 <input name="login" autocomplete="username" required></label></p>
<p><label>统一认证密码 <input name="password" type="password" autocomplete="current-password" required></label></p>
<p><button type="submit">认证并返回</button></p>
</form></body></html>`;
}

async function formBody(req: http.IncomingMessage): Promise<URLSearchParams> {
  let body = "";
  for await (const chunk of req) body += chunk;
  return new URLSearchParams(body);
}

/**
 * Starts the provider on 127.0.0.1 (`port` 0: any free port). Its issuer is http://<host>:<port>, `host` a name
 * that the browser and the app's server resolve to this machine (default the address itself).
 */
export async function startOidcTestProvider(options: {
  port?: number;
  host?: string;
  clients: TestClient[];
  identities?: TestIdentity[];
}): Promise<{ issuer: string; close: () => Promise<void> }> {
  const identities = options.identities ?? DEMO_IDENTITIES;
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const issuer = `http://${options.host ?? "127.0.0.1"}:${(server.address() as AddressInfo).port}`;
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const provider = new Provider(issuer, {
    clients: options.clients.map((c) => ({
      client_id: c.clientId,
      client_secret: c.clientSecret,
      redirect_uris: [c.redirectUri],
      post_logout_redirect_uris: c.postLogoutRedirectUri ? [c.postLogoutRedirectUri] : [],
      response_types: ["code"],
      grant_types: ["authorization_code"],
    })),
    jwks: { keys: [{ ...privateKey.export({ format: "jwk" }), kid: "test", use: "sig", alg: "RS256" }] as never },
    cookies: { keys: [randomBytes(32).toString("hex")] },
    claims: { openid: ["sub"], profile: ["name", "preferred_username", "employee_number"] },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        // The platform asks before it ends its own session (the form carries its XSRF token).
        async logoutSource(ctx, form) {
          ctx.body = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>退出统一身份认证</title></head>
<body style="font-family:sans-serif;max-width:24rem;margin:3rem auto"><h1>政务统一身份认证平台（测试）</h1>
<p>是否同时退出统一身份认证平台？</p>${form}
<button type="submit" form="op.logoutForm" name="logout" value="yes">退出统一身份认证</button></body></html>`;
        },
      },
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx, sub) {
      const identity = identities.find((i) => i.login === sub);
      return identity && { accountId: sub, claims: async () => ({ sub, ...identity.claims }) };
    },
  });
  const callback = provider.callback();
  server.on("request", (req, res) => {
    const match = /^\/interaction\/([\w-]+)$/.exec(req.url ?? "");
    if (!match) return void callback(req, res);
    void (async () => {
      try {
        const details = await provider.interactionDetails(req, res);
        if (req.method !== "POST") {
          res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(loginPage(details.uid));
          return;
        }
        const form = await formBody(req);
        const identity = identities.find((i) => i.login === form.get("login") && i.password === form.get("password"));
        if (!identity) {
          res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(loginPage(details.uid, "账号或密码错误"));
          return;
        }
        // Consent is the platform's business with its own applications: granted with the login.
        const grant = new provider.Grant({ accountId: identity.login, clientId: String(details.params.client_id) });
        grant.addOIDCScope(String(details.params.scope ?? "openid"));
        const grantId = await grant.save();
        await provider.interactionFinished(req, res, { login: { accountId: identity.login }, consent: { grantId } });
      } catch (error) {
        res.writeHead(400, { "Content-Type": "text/plain; charset=utf-8" }).end(String(error));
      }
    })();
  });
  return {
    issuer,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { port: { type: "string", default: "4400" }, host: { type: "string" }, "redirect-uri": { type: "string" } },
  });
  const redirectUri = values["redirect-uri"] ?? "http://localhost:3000/api/auth/callback/gov";
  const { issuer } = await startOidcTestProvider({
    port: Number(values.port),
    host: values.host,
    clients: [
      {
        clientId: "tian-banli",
        clientSecret: "test-secret-0123456789",
        redirectUri,
        postLogoutRedirectUri: `${new URL(redirectUri).origin}/login`,
      },
    ],
  });
  const app = new URL(redirectUri).origin;
  console.log(`OpenID provider (test) at ${issuer}: logins ${DEMO_IDENTITIES.map((i) => i.login).join(", ")}, password idp-2026`);
  console.log(
    `Start the app with AUTH_URL=${app} OIDC_ISSUER=${issuer} OIDC_CLIENT_ID=tian-banli OIDC_CLIENT_SECRET=test-secret-0123456789 OIDC_LINK_CLAIM=employee_number`,
  );
}
