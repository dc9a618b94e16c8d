/** How each event-log action reads on a timeline. */
export const EVENT_LABELS: Record<string, string> = {
  register: "登记提案",
  import: "导入交办清单",
  assign: "交办",
  accept: "签收",
  request_adjustment: "申请调整",
  adjustment_approved: "同意调整",
  adjustment_rejected: "驳回调整申请",
  request_extension: "申请延期",
  extension_granted: "同意延期",
  extension_refused: "不同意延期",
  co_opinion_saved: "保存协办意见",
  co_opinion_submitted: "协办意见提交审签",
  co_opinion_returned: "协办意见退回修改",
  co_opinion_sent: "协办意见送主办单位",
  co_opinion_waived: "免于协办意见",
  contact: "沟通协商",
  contact_waived: "免于沟通",
  save_draft: "保存答复草稿",
  submit: "提交审签",
  return: "退回修改",
  approve: "同意签发",
  publish: "发布",
  withhold: "不予公开",
  withdraw_publication: "撤回公开",
  republish: "重新发布",
  receipt: "提交回执",
  remind_receipt: "催告回执",
  reopen: "重新办理",
  close: "办结",
  supervise: "督办",
  link: "并案办理",
  unlink: "取消并案",
};

export function eventLabel(action: string): string {
  return EVENT_LABELS[action] ?? action;
}
