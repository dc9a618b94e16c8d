import { describe, expect, it } from "vitest";
import { safeCallbackPath, safeReturnPath } from "@/lib/authz";
import {
  endSessionUrl,
  linkValue,
  passwordSignInAllowed,
  SignInConfigError,
  signInConfigFromEnv,
  ssoDecision,
  ssoRefusalMessage,
} from "@/lib/sso";

const OIDC = {
  OIDC_ISSUER: "https://idp.example.gov.cn/realms/gov/",
  OIDC_CLIENT_ID: "tian-banli",
  OIDC_CLIENT_SECRET: "s3cret",
  AUTH_URL: "https://tian.example.gov.cn",
};

describe("the sign-in configuration from the environment", () => {
  it("is password-only, for every role, when nothing is set", () => {
    expect(signInConfigFromEnv({})).toEqual({ sso: null, passwordRoles: "all" });
  });

  it("reads the identity platform, with preferred_username and openid profile by default, and trims the issuer's slash", () => {
    expect(signInConfigFromEnv(OIDC).sso).toEqual({
      issuer: "https://idp.example.gov.cn/realms/gov",
      clientId: "tian-banli",
      clientSecret: "s3cret",
      linkClaim: "preferred_username",
      scope: "openid profile",
      logout: false,
    });
    expect(signInConfigFromEnv({ ...OIDC, OIDC_LOGOUT: "true" }).sso?.logout).toBe(true);
    const sso = signInConfigFromEnv({ ...OIDC, OIDC_LINK_CLAIM: "employee_number", OIDC_SCOPE: "openid profile employee" }).sso;
    expect(sso?.linkClaim).toBe("employee_number");
    expect(sso?.scope).toBe("openid profile employee");
  });

  it("refuses a half configuration, naming what is missing", () => {
    expect(() => signInConfigFromEnv({ ...OIDC, OIDC_CLIENT_SECRET: " " })).toThrow(/缺少 OIDC_CLIENT_SECRET/);
    expect(() => signInConfigFromEnv({ OIDC_ISSUER: OIDC.OIDC_ISSUER, AUTH_URL: OIDC.AUTH_URL })).toThrow(
      /缺少 OIDC_CLIENT_ID、OIDC_CLIENT_SECRET/,
    );
    expect(() => signInConfigFromEnv({ ...OIDC, OIDC_ISSUER: "idp.example.gov.cn" })).toThrow(SignInConfigError);
    expect(() => signInConfigFromEnv({ ...OIDC, OIDC_LINK_CLAIM: "a b" })).toThrow(/OIDC_LINK_CLAIM/);
  });

  it("refuses single sign-on without a configured public origin: the callback address never comes from a request", () => {
    expect(() => signInConfigFromEnv({ ...OIDC, AUTH_URL: undefined })).toThrow(/AUTH_URL/);
    expect(signInConfigFromEnv({ ...OIDC, AUTH_URL: undefined, PUBLIC_ORIGIN: "https://tian.example.gov.cn" }).sso).not.toBeNull();
    // The callback's request names a loopback address localhost, the sign-in's redirect_uri does not: the two would differ.
    expect(() => signInConfigFromEnv({ ...OIDC, AUTH_URL: "http://127.0.0.1:3000" })).toThrow("AUTH_URL=http://localhost:3000");
    expect(() => signInConfigFromEnv({ ...OIDC, AUTH_URL: "http://[::1]:3000" })).toThrow(SignInConfigError);
    expect(signInConfigFromEnv({ ...OIDC, AUTH_URL: "http://localhost:3000" }).sso).not.toBeNull();
    expect(signInConfigFromEnv({ ...OIDC, AUTH_URL: "http://tian.gxq.gov.example:3000" }).sso).not.toBeNull();
  });

  it("keeps passwords to the listed roles and always to the administrator, only with single sign-on", () => {
    const admin = signInConfigFromEnv({ ...OIDC, PASSWORD_SIGN_IN: "admin" }).passwordRoles;
    expect(passwordSignInAllowed(admin, "admin")).toBe(true);
    expect(passwordSignInAllowed(admin, "handler")).toBe(false);
    expect(passwordSignInAllowed(admin, "member")).toBe(false);
    const members = signInConfigFromEnv({ ...OIDC, PASSWORD_SIGN_IN: " member , director" }).passwordRoles;
    expect(["admin", "member", "director", "handler"].map((r) => passwordSignInAllowed(members, r as never))).toEqual([
      true,
      true,
      true,
      false,
    ]);
    expect(passwordSignInAllowed(signInConfigFromEnv({ ...OIDC, PASSWORD_SIGN_IN: "all" }).passwordRoles, "handler")).toBe(true);
    expect(() => signInConfigFromEnv({ ...OIDC, PASSWORD_SIGN_IN: "admin,boss" })).toThrow(/boss/);
    expect(() => signInConfigFromEnv({ PASSWORD_SIGN_IN: "admin" })).toThrow(/未配置统一身份认证/);
  });
});

describe("linking an identity to an account", () => {
  it("reads the link claim as a trimmed string of at most 64 characters, or a whole number", () => {
    expect(linkValue({ preferred_username: " jiangmj " }, "preferred_username")).toBe("jiangmj");
    expect(linkValue({ employee_number: 100234 }, "employee_number")).toBe("100234");
    for (const bad of [undefined, null, "", "   ", 1.5, ["jiangmj"], { id: 1 }, "x".repeat(65)])
      expect(linkValue({ employee_number: bad }, "employee_number"), String(bad)).toBeNull();
  });

  it("refuses a missing claim, an unknown account and a disabled one, in that order", () => {
    expect(ssoDecision(null, { disabled: false })).toEqual({ ok: false, reason: "missing_claim" });
    expect(ssoDecision("zhangsan", null)).toEqual({ ok: false, reason: "unknown" });
    expect(ssoDecision("cxfwzx", { disabled: true })).toEqual({ ok: false, reason: "disabled" });
    expect(ssoDecision("jiangmj", { disabled: false })).toEqual({ ok: true });
  });

  it("says each refusal in Chinese, and anything else as an unfinished sign-in", () => {
    expect(ssoRefusalMessage("unknown")).toMatch(/^统一身份认证账号未在本系统登记/);
    expect(ssoRefusalMessage("disabled")).toMatch(/停用/);
    expect(ssoRefusalMessage("missing_claim", "employee_number")).toMatch(/（employee_number）/);
    expect(ssoRefusalMessage("OAuthCallbackError")).toMatch(/^统一身份认证登录未完成/);
    expect(ssoRefusalMessage("<script>")).not.toContain("<script>");
  });
});

describe("the destination of a single sign-on", () => {
  it("is a path on this site, or none (then the user's home), as for a password sign-in", () => {
    expect(safeReturnPath("/proposals/3?tab=reply")).toBe("/proposals/3?tab=reply");
    for (const bad of [undefined, "", "https://evil.example/", "//evil.example", "/\\evil.example", "/", "/login"])
      expect(safeReturnPath(bad), String(bad)).toBeNull();
    expect(safeCallbackPath("//evil.example", "handler")).toBe("/work");
  });
});

describe("ending the platform's session at 退出", () => {
  it("names the session by its ID token and comes back to the sign-in page", () => {
    const url = new URL(
      endSessionUrl("https://idp.example.gov.cn/session/end?ui=zh", {
        idToken: "eyJ.a.b",
        clientId: "tian-banli",
        origin: "https://tian.example.gov.cn",
      }),
    );
    expect(url.origin + url.pathname).toBe("https://idp.example.gov.cn/session/end");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      ui: "zh",
      id_token_hint: "eyJ.a.b",
      client_id: "tian-banli",
      post_logout_redirect_uri: "https://tian.example.gov.cn/login",
    });
  });
});
