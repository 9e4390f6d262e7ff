// 本单位 for the vote (campaign setting “允许投给本单位的品牌” off, the default): a member may not vote for an entry of
//   - their own organization,
//   - an organization below it (a 党委 member and the 支部 under that 党委), or
//   - an organization above it, below the organizer (a 党小组 member and their own 支部, 党委 or 区委).
// The organizer (the campaign's owner) is everybody's ancestor and declares nothing, so it never makes an entry
// "own" from above. It is the expert 回避 rule of lib/review/conflicts.ts, except that a member of the organizer
// itself (every entry lies below it) votes for none. Pure: cast_vote (migration 0015) applies the same rule in
// SQL, the voting pages ask this function to grey out the button. Paths are the organizations' materialized paths.

/** Whether an entry of `entryPath` is the own unit of a member of `unitPath` in a campaign owned by `ownerPath`. */
export function isOwnUnit(unitPath: string, entryPath: string, ownerPath: string): boolean {
  if (entryPath.startsWith(unitPath)) return true;
  return unitPath.startsWith(entryPath) && entryPath.startsWith(ownerPath) && entryPath !== ownerPath;
}

/** A member with several MEMBER roles: the entry is off limits when it is the own unit of any of them. */
export function isOwnUnitOfAny(unitPaths: readonly string[], entryPath: string, ownerPath: string): boolean {
  return unitPaths.some((unitPath) => isOwnUnit(unitPath, entryPath, ownerPath));
}
