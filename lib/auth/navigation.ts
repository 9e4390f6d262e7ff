import type { Role } from '@/lib/generated/prisma/enums';

export type TNavItem = { href: string; label: string };
/** A top-level menu entry; a group opens its first page and shows its pages as a second row while one is open. */
export type TNavEntry = TNavItem & { children?: TNavItem[] };

/** Above this many entries the menu groups its pages (the 组织部's menu), so a phone scrolls five entries, not eighteen. */
const GROUP_ABOVE = 9;

/** The groups of a long menu, by page; pages not listed stay top-level entries. */
const NAV_GROUPS: readonly { label: string; hrefs: readonly string[] }[] = [
  { label: '评选工作', hrefs: ['/admin/campaigns', '/applications', '/admin/brands', '/admin/experts', '/review', '/committee'] },
  { label: '培育验收', hrefs: ['/cultivation', '/admin/acceptance', '/acceptance', '/annual-review'] },
  { label: '示范推广', hrefs: ['/admin/demo', '/pairings', '/promotion', '/promotion/contests'] },
  { label: '系统管理', hrefs: ['/admin/orgs', '/admin/users', '/admin/import', '/admin/audit', '/admin/sms'] },
];

const NAV_BY_ROLE: Record<Role, TNavItem[]> = {
  ORG_ADMIN: [
    { href: '/admin', label: '工作台' },
    { href: '/admin/campaigns', label: '评选活动' },
    { href: '/applications', label: '申报列表' },
    { href: '/admin/brands', label: '品牌档案' },
    { href: '/admin/experts', label: '专家库' },
    { href: '/cultivation', label: '培育创建' },
    { href: '/admin/acceptance', label: '验收认定' },
    { href: '/annual-review', label: '年度考核' },
    { href: '/admin/demo', label: '示范建设' },
    { href: '/pairings', label: '结对共建' },
    { href: '/promotion', label: '宣传推广' },
    { href: '/admin/orgs', label: '组织架构' },
    { href: '/admin/users', label: '用户管理' },
    { href: '/admin/import', label: '批量导入' },
    { href: '/admin/audit', label: '审计日志' },
    { href: '/admin/sms', label: '短信记录' },
  ],
  COMMITTEE_ADMIN: [
    { href: '/committee', label: '推荐工作台' },
    { href: '/applications', label: '申报列表' },
    { href: '/cultivation', label: '培育创建' },
    { href: '/admin/demo', label: '示范建设' },
    { href: '/pairings', label: '结对共建' },
    { href: '/annual-review', label: '年度考核' },
    { href: '/promotion', label: '宣传推广' },
  ],
  BRANCH_SECRETARY: [
    { href: '/declare', label: '品牌申报' },
    { href: '/cultivation', label: '培育创建' },
    { href: '/acceptance', label: '验收认定' },
    { href: '/admin/demo', label: '示范建设' },
  ],
  EXPERT: [
    { href: '/review', label: '评审任务' },
    { href: '/acceptance', label: '验收认定' },
    { href: '/promotion/contests', label: '擂台比武评分' },
  ],
  MEMBER: [{ href: '/member', label: '参与投票' }],
};

/** The menu shows each user only what their roles allow (the server checks again on every request). */
export function navItemsFor(roles: readonly Role[], options: { rootAdmin?: boolean; pairingSecretary?: boolean } = {}): TNavEntry[] {
  const items = [...pagesFor(roles, options), { href: '/account', label: '我的账号' }];
  return items.length > GROUP_ABOVE ? grouped(items) : items;
}

/** Groups in the order their first page appears; a group of one page is that page. */
function grouped(items: readonly TNavItem[]): TNavEntry[] {
  const entries: TNavEntry[] = [];
  const groups = new Map<string, TNavEntry & { children: TNavItem[] }>();
  for (const item of items) {
    const group = NAV_GROUPS.find((candidate) => candidate.hrefs.includes(item.href));
    if (!group) {
      entries.push(item);
      continue;
    }
    const existing = groups.get(group.label);
    if (existing) existing.children.push(item);
    else {
      const entry = { href: item.href, label: group.label, children: [item] };
      groups.set(group.label, entry);
      entries.push(entry);
    }
  }
  return entries.map((entry) => (entry.children?.length === 1 ? entry.children[0] : entry));
}

function pagesFor(roles: readonly Role[], options: { rootAdmin?: boolean; pairingSecretary?: boolean }): TNavItem[] {
  const items = (Object.keys(NAV_BY_ROLE) as Role[])
    .filter((role) => roles.includes(role))
    .flatMap((role) => NAV_BY_ROLE[role])
    // A secretary sees 结对共建 only while one of their organizations takes part in a pairing.
    .concat(options.pairingSecretary && roles.includes('BRANCH_SECRETARY') ? [{ href: '/pairings', label: '结对共建' }] : [])
    // 短信记录 holds codes sent to any phone: only administrators of a root organization (lib/sms/queries canReadSms).
    .filter((item) => item.href !== '/admin/sms' || options.rootAdmin);
  // Pages shared by several roles (申报列表) appear once.
  const unique = items.filter((item, index) => items.findIndex((other) => other.href === item.href) === index);
  return unique;
}
