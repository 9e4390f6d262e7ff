/**
 * 资格审查 checklist: the conditions an entry must meet to enter the 品牌清单. A campaign may name its own items
 * (`qualificationChecklist`); an empty or missing list means this default.
 */
export const DEFAULT_QUALIFICATION_CHECKLIST: readonly string[] = [
  '申报材料齐全、填写规范',
  '品牌名称和标识符合要求，未与已有品牌重名',
  '品牌创建运行满一年并取得实际成效',
  '申报单位近三年未发生违纪违法问题',
  '未在往届同级评选中获评',
];

export function checklistOf(campaign: { id: string; qualificationChecklist?: readonly string[] | null }): readonly string[] {
  const items = campaign.qualificationChecklist?.filter((item) => item.trim()) ?? [];
  return items.length ? items : DEFAULT_QUALIFICATION_CHECKLIST;
}

/** Whether every item of the checklist is ticked (extra keys are ignored). */
export function allChecked(checklist: readonly string[], checks: Readonly<Record<string, boolean>>): boolean {
  return checklist.every((item) => checks[item] === true);
}

/** The ticks restricted to the checklist, every item present: what is stored on the qualification. */
export function normalizeChecks(checklist: readonly string[], checks: Readonly<Record<string, boolean>>): Record<string, boolean> {
  return Object.fromEntries(checklist.map((item) => [item, checks[item] === true]));
}
