/** Refusals and failures of `npm run db:copy`, each with a message for the operator (Chinese, shown as is). */
export class CopyError extends Error {
  override name = "CopyError";
}

/** The target already holds data: nothing was copied (the CLI exits with 2). */
export class TargetNotEmptyError extends CopyError {
  override name = "TargetNotEmptyError";
  constructor(readonly tables: { table: string; rows: number }[]) {
    const named = tables
      .slice(0, 5)
      .map((t) => `${t.table}（${t.rows} 行）`)
      .join("、");
    const more = tables.length > 5 ? `等 ${tables.length} 张表` : "";
    super(`目标数据库不为空（${named}${more}），未复制任何数据：db:copy 只写入新建的空数据库，不合并、不覆盖。`);
  }
}
