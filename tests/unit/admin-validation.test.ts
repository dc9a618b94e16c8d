import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/lib/validation/common";
import {
  createCategoryInput,
  createSessionInput,
  createUnitInput,
  createUserInput,
  recordId,
  resetPasswordInput,
  selfChangeError,
  updateCategoryInput,
  updateSessionInput,
  updateUnitInput,
  updateUserInput,
  userFilterInput,
  userIdInput,
} from "@/lib/validation/admin";
import { passwordRepeatsUsername } from "@/lib/validation/password";

/** The field errors a schema reports for some input, or null when it accepts it. */
function errorsOf(schema: { safeParse: (v: unknown) => { success: boolean; error?: unknown } }, input: unknown) {
  const result = schema.safeParse(input);
  return result.success ? null : fieldErrorsOf(result.error as Parameters<typeof fieldErrorsOf>[0]);
}

describe("recordId", () => {
  it("accepts plain positive numbers", () => {
    expect(recordId.parse("42")).toBe(42);
  });
  it.each(["0", "-1", "1.5", "abc", "", "01", "99999999999"])("refuses %j", (value) => {
    expect(recordId.safeParse(value).success).toBe(false);
  });
});

describe("unit schemas", () => {
  const unit = {
    name: " 重庆高新区科技创新局 ",
    shortName: "科技创新局",
    docPrefix: "渝高新科函",
    indexPrefix: "1150010700927688xm",
    kind: "department",
  };

  it("accepts the sample unit, trimming text and upper-casing the index prefix", () => {
    expect(createUnitInput.parse(unit)).toEqual({
      name: "重庆高新区科技创新局",
      shortName: "科技创新局",
      docPrefix: "渝高新科函",
      indexPrefix: "1150010700927688XM",
      kind: "department",
    });
  });

  it("requires name and short name", () => {
    expect(errorsOf(createUnitInput, { ...unit, name: "  ", shortName: undefined })).toMatchObject({
      name: "请填写单位名称",
      shortName: "请填写单位简称",
    });
  });

  it.each([
    ["渝", "发文字号前缀至少 2 个字"],
    ["渝高新科函〔2023〕", "发文字号前缀不含〔年份〕和序号，只填写如“渝高新科函”的部分"],
    ["YGXKH", "发文字号前缀只能由汉字组成，如“渝高新科函”"],
    ["渝高新科函".repeat(5), "发文字号前缀不能超过 20 个字"],
  ])("refuses the document prefix %j", (docPrefix, message) => {
    expect(errorsOf(createUnitInput, { ...unit, docPrefix })?.docPrefix).toBe(message);
  });

  it.each([
    ["115001070", "索引号前缀应为 10–30 位大写字母或数字，如“1150010700927688XM”"],
    ["1150010700927688-XM", "索引号前缀应为 10–30 位大写字母或数字，如“1150010700927688XM”"],
    ["1".repeat(31), "索引号前缀不能超过 30 个字"],
    ["", "请填写索引号前缀"],
  ])("refuses the index prefix %j", (indexPrefix, message) => {
    expect(errorsOf(createUnitInput, { ...unit, indexPrefix })?.indexPrefix).toBe(message);
  });

  it("refuses an unknown kind", () => {
    expect(errorsOf(createUnitInput, { ...unit, kind: "ministry" })?.kind).toBe("请选择单位类型");
  });

  it("reads the id and the active checkbox when editing", () => {
    expect(updateUnitInput.parse({ ...unit, id: "3", active: "on" })).toMatchObject({ id: 3, active: true });
    expect(updateUnitInput.parse({ ...unit, id: "3" })).toMatchObject({ active: false });
    expect(errorsOf(updateUnitInput, { ...unit, id: "x" })?.id).toBe("记录编号无效");
  });
});

describe("user schemas", () => {
  const user = {
    username: "zhangsan",
    displayName: "张三",
    role: "handler",
    unitId: "2",
    title: "",
    phone: "023-6868 1234",
    email: "zhangsan@example.cn",
    password: "Lan-hua-2026",
    passwordConfirm: "Lan-hua-2026",
  };

  it("accepts a handler with a unit, drops the confirmation and empties optional text to null", () => {
    expect(createUserInput.parse(user)).toEqual({
      username: "zhangsan",
      displayName: "张三",
      role: "handler",
      unitId: 2,
      title: null,
      phone: "023—68681234", // stored as letters print it (lib/phone.ts)
      email: "zhangsan@example.cn",
      password: "Lan-hua-2026",
    });
  });

  it.each([
    ["ab", "用户名为 3–32 位小写字母、数字、下划线、点或连字符"],
    ["ZhangSan", "用户名为 3–32 位小写字母、数字、下划线、点或连字符"],
    ["张三", "用户名为 3–32 位小写字母、数字、下划线、点或连字符"],
    ["a".repeat(33), "用户名不能超过 32 个字"],
    ["", "请填写用户名"],
  ])("refuses the username %j", (username, message) => {
    expect(errorsOf(createUserInput, { ...user, username })?.username).toBe(message);
  });

  it("accepts usernames with digits, dots, dashes and underscores", () => {
    expect(createUserInput.safeParse({ ...user, username: "li.si_2-x" }).success).toBe(true);
  });

  it.each([
    ["short1", "密码至少 8 位"],
    ["abcdefgh", "密码须同时包含字母和数字"],
    ["12345678", "密码须同时包含字母和数字"],
    ["", "请填写密码"],
    [`${"a".repeat(127)}12`, "密码不能超过 128 位"],
    ["Password123", "此密码过于常见，容易被猜中，请换一个"],
    ["woaini1314", "此密码过于常见，容易被猜中，请换一个"],
    ["1qaz2wsx", "此密码过于常见，容易被猜中，请换一个"],
    ["demo-2026", "此密码过于常见，容易被猜中，请换一个"],
  ])("refuses the password %j", (password, message) => {
    expect(errorsOf(createUserInput, { ...user, password, passwordConfirm: password })?.password).toBe(message);
  });

  it("refuses a password equal to the username, in any case", () => {
    const errors = errorsOf(createUserInput, { ...user, username: "wang2026", password: "WANG2026", passwordConfirm: "WANG2026" });
    expect(errors?.password).toBe("密码不能与用户名相同");
  });

  it("refuses a confirmation that differs", () => {
    expect(errorsOf(createUserInput, { ...user, passwordConfirm: "Lan-hua-2027" })?.passwordConfirm).toBe("两次输入的密码不一致");
  });

  it.each(["handler", "director"])("requires a unit for a %s", (role) => {
    expect(errorsOf(createUserInput, { ...user, role, unitId: "" })?.unitId).toBe("承办人和单位负责人必须选择所属单位");
  });

  it.each(["admin", "member"])("refuses a unit for a %s and accepts none", (role) => {
    expect(errorsOf(createUserInput, { ...user, role })?.unitId).toBe("系统管理员和委员/代表不属于单位，请将所属单位留空");
    expect(createUserInput.parse({ ...user, role, unitId: "" }).unitId).toBeNull();
  });

  it("lets a coordinator have a unit or none", () => {
    expect(createUserInput.parse({ ...user, role: "coordinator" }).unitId).toBe(2);
    expect(createUserInput.parse({ ...user, role: "coordinator", unitId: "" }).unitId).toBeNull();
  });

  it("refuses an unknown role, a bad phone and a bad email", () => {
    expect(errorsOf(createUserInput, { ...user, role: "root", phone: "call me", email: "not-an-email" })).toMatchObject({
      role: "请选择角色",
      phone: "联系电话格式不正确，请填写如 023—63211234、(023)63211234、13800138000 或 023—63211234转8001 的号码",
      email: "电子邮箱格式不正确",
    });
  });

  it("edits the profile without a username or password", () => {
    const { username: _u, password: _p, passwordConfirm: _c, ...profile } = user;
    expect(updateUserInput.parse({ ...profile, id: "7" })).toMatchObject({ id: 7, role: "handler", unitId: 2 });
    expect(errorsOf(updateUserInput, { ...profile, id: "7", role: "director", unitId: "" })?.unitId).toBe(
      "承办人和单位负责人必须选择所属单位",
    );
  });

  it("checks a reset password and drops the confirmation", () => {
    expect(resetPasswordInput.parse({ id: "7", password: "newpass99", passwordConfirm: "newpass99" })).toEqual({
      id: 7,
      password: "newpass99",
    });
    expect(errorsOf(resetPasswordInput, { id: "7", password: "newpass", passwordConfirm: "newpass" })?.password).toBe("密码至少 8 位");
    expect(errorsOf(resetPasswordInput, { id: "7", password: "newpass99", passwordConfirm: "" })?.passwordConfirm).toBe("请再次输入密码");
  });

  it("reads a bare user id", () => {
    expect(userIdInput.parse({ id: "5" })).toEqual({ id: 5 });
    expect(userIdInput.safeParse({}).success).toBe(false);
  });
});

describe("passwordRepeatsUsername", () => {
  it("compares ignoring case and surrounding spaces of the username", () => {
    expect(passwordRepeatsUsername("Admin", " admin ")).toBe(true);
    expect(passwordRepeatsUsername("demo-2026", "admin")).toBe(false);
  });
});

describe("selfChangeError", () => {
  it("stops an administrator from disabling themself or giving up the admin role", () => {
    expect(selfChangeError(1, 1, { disable: true })).toBe("不能停用自己的账户");
    expect(selfChangeError(1, 1, { role: "coordinator" })).toBe("不能取消自己的系统管理员角色");
  });
  it("allows the same changes to other accounts and harmless changes to one's own", () => {
    expect(selfChangeError(1, 2, { disable: true })).toBeNull();
    expect(selfChangeError(1, 2, { role: "member" })).toBeNull();
    expect(selfChangeError(1, 1, { role: "admin" })).toBeNull();
    expect(selfChangeError(1, 1, { disable: false })).toBeNull();
  });
});

describe("userFilterInput", () => {
  it("keeps usable filters and trims the search", () => {
    expect(userFilterInput.parse({ role: "handler", unit: "3", status: "locked", q: "  蒋 " })).toEqual({
      role: "handler",
      unit: 3,
      status: "locked",
      q: "蒋",
    });
  });
  it("ignores unusable ones instead of failing", () => {
    expect(userFilterInput.parse({ role: "root", unit: "x", status: ["a", "b"], q: "   " })).toEqual({
      role: undefined,
      unit: undefined,
      status: undefined,
      q: undefined,
    });
  });
});

describe("session schemas", () => {
  const session = { body: "政协重庆市九龙坡区委员会", term: "第十一届", meeting: "第二次会议", year: "2023", kind: "proposal" };

  it("accepts the sample session", () => {
    expect(createSessionInput.parse(session)).toEqual({ ...session, year: 2023 });
  });

  it.each([
    [{ term: "十一届" }, "term", "届次应写作“第十一届”的形式"],
    [{ meeting: "二次会议" }, "meeting", "会议应写作“第二次会议”的形式"],
    [{ body: "CPPCC" }, "body", "召集机构只能由汉字组成，如“政协重庆市九龙坡区委员会”"],
    [{ body: "" }, "body", "请填写召集机构"],
    [{ year: "" }, "year", "请填写年度"],
    [{ year: "1999" }, "year", "年度应在 2000–2100 之间"],
    [{ year: "2101" }, "year", "年度应在 2000–2100 之间"],
    [{ year: "2023.5" }, "year", "年度必须是四位整数"],
    [{ kind: "motion" }, "kind", "请选择办理类型"],
  ])("refuses %j", (change, field, message) => {
    expect(errorsOf(createSessionInput, { ...session, ...change })?.[field]).toBe(message);
  });

  it("reads the id and active flag when editing", () => {
    expect(updateSessionInput.parse({ ...session, id: "4", active: "on", kind: "suggestion" })).toMatchObject({
      id: 4,
      active: true,
      kind: "suggestion",
    });
  });
});

describe("category schemas", () => {
  it("accepts a name with an optional sort order", () => {
    expect(createCategoryInput.parse({ name: " 科技 ", sortOrder: "10" })).toEqual({ name: "科技", sortOrder: 10 });
    expect(createCategoryInput.parse({ name: "教育", sortOrder: "" })).toEqual({ name: "教育", sortOrder: 0 });
  });

  it("refuses an empty name and a bad sort order", () => {
    expect(errorsOf(createCategoryInput, { name: "", sortOrder: "-1" })).toEqual({
      name: "请填写分类名称",
      sortOrder: "排序号不能小于 0",
    });
    expect(errorsOf(createCategoryInput, { name: "科技", sortOrder: "abc" })?.sortOrder).toBe("排序号必须是整数");
    expect(errorsOf(createCategoryInput, { name: "科技".repeat(11), sortOrder: "1" })?.name).toBe("分类名称不能超过 20 个字");
  });

  it("reads the id and active flag when editing", () => {
    expect(updateCategoryInput.parse({ id: "2", name: "科技", sortOrder: "1" })).toEqual({
      id: 2,
      name: "科技",
      sortOrder: 1,
      active: false,
    });
  });
});
