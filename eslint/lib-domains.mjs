// The domains of lib/ and the only direction each may import another: a table, checked to have no cycle when lint
// starts, and a rule that fails on any import between two domains that the table does not list. A domain that needs
// another adds it here; if the reverse is already listed, the shared piece moves to the lower domain (or a new neutral
// one) instead. The top-level files of lib/ (db, env, errors, format, phone) and lib/generated are shared by all and
// import no domain.
import path from 'node:path';

/** domain → the domains it may import, lowest layers first. */
export const LIB_DOMAINS = {
  audit: [],
  auth: ['audit'],
  'org-tree': [],
  cache: [],
  export: [],
  pdf: [],
  http: ['auth'],
  files: ['audit', 'auth', 'http'],
  campaign: ['audit', 'auth', 'http', 'org-tree'],
  brand: ['audit', 'auth', 'campaign', 'http', 'org-tree'],
  organization: ['audit', 'auth', 'campaign', 'http', 'org-tree'],
  account: ['audit', 'auth', 'http'],
  sms: ['org-tree', 'auth', 'organization'],
  jobs: ['sms'],
  notifications: ['audit', 'auth', 'campaign', 'http', 'jobs', 'org-tree'],
  user: ['audit', 'auth', 'http', 'org-tree', 'organization'],
  import: ['audit', 'auth', 'export', 'http', 'org-tree', 'organization', 'user'],
  application: ['audit', 'auth', 'brand', 'campaign', 'export', 'files', 'http', 'notifications', 'org-tree', 'pdf'],
  recommendation: ['application', 'audit', 'auth', 'campaign', 'export', 'http', 'notifications', 'org-tree', 'organization', 'pdf'],
  qualification: ['application', 'audit', 'auth', 'campaign', 'export', 'http', 'notifications'],
  'declaration-reminder': ['application', 'audit', 'auth', 'campaign', 'http', 'jobs', 'notifications', 'sms'],
  'brand-list': ['audit', 'auth', 'brand', 'campaign', 'http', 'qualification'],
  review: ['org-tree', 'application', 'brand', 'brand-list', 'audit', 'auth', 'campaign', 'export', 'files', 'http', 'jobs', 'notifications', 'organization', 'pdf'],
  voting: ['audit', 'auth', 'brand-list', 'campaign', 'export', 'http', 'review', 'sms'],
  objections: ['audit', 'auth', 'campaign', 'files', 'http', 'jobs', 'notifications', 'sms', 'voting'],
  gallery: ['cache', 'qualification'],
  /** 示范建设 (issue 20): templates shared by sites, belts, public pages and events. */
  demo: [],
  /** Checklists with evidence of a 示范点 or a 示范带 (verdicts, completeness), shared by sites and belts. */
  checklist: ['audit', 'auth', 'demo', 'demo-public', 'files', 'http'],
  /** 示范建设 programs, 示范点 (photos, 摘牌) and their yearly assessments. */
  'demo-site': ['audit', 'auth', 'checklist', 'demo', 'demo-public', 'files', 'gallery', 'http', 'org-tree'],
  /** Public 示范点/示范带 pages, their cache and 群众意见 with moderation (issue 20). */
  'demo-public': ['cache', 'audit', 'auth', 'files', 'http', 'sms'],
  publicity: ['audit', 'auth', 'brand', 'campaign', 'gallery', 'http', 'objections', 'review'],
  honors: ['auth', 'gallery', 'http', 'pdf', 'publicity'],
  /** The staff brand timeline: each domain that adds to a brand's life contributes a source (lib/brand-timeline/sources.ts). */
  'brand-timeline': ['auth', 'brand', 'campaign', 'http', 'org-tree'],
  cultivation: ['application', 'audit', 'auth', 'campaign', 'export', 'files', 'http', 'notifications', 'org-tree', 'pdf'],
  acceptance: ['application', 'audit', 'auth', 'campaign', 'files', 'gallery', 'honors', 'http', 'notifications', 'org-tree', 'pdf', 'review'],
  /** 示范带 (issue 20): 立项, route of sites, 问题/提升清单. */
  belt: ['application', 'audit', 'auth', 'demo', 'demo-public', 'files', 'http', 'notifications', 'org-tree'],
  'audit-log': ['org-tree', 'audit', 'auth', 'campaign', 'objections', 'organization', 'checklist'],
  /** 结对共建 and 后进党支部 (issue 20): the ledger pages of cultivations read its activities. */
  pairing: ['application', 'audit', 'auth', 'cultivation', 'files', 'http', 'notifications', 'org-tree'],
  /** 年度考核 (issue 20): reads brands, 台帐, acceptance, sites, belts, pairings and events per organization. */
  'annual-review': ['auth', 'cultivation', 'export', 'http', 'org-tree', 'pairing'],
  /** 宣传推广 (issue 20): events, schedules and their reminders, 擂台比武 scoring, 宣传画册. */
  promotion: ['application', 'audit', 'auth', 'files', 'http', 'notifications', 'org-tree', 'pdf', 'review'],
  /** The 大屏 of a campaign (issue 21): live vote totals and a few counts, staff only. */
  bigscreen: ['auth', 'campaign', 'http'],
  /** The branch secretary's to-do list (issue 21), computed from the rules of each task. */
  todo: ['acceptance', 'application', 'auth', 'campaign', 'cultivation'],
  /** Official documents (issue 21): one header/footer, 文号 numbering and registry of kinds over every stage's data. */
  documents: ['audit', 'auth', 'campaign', 'export', 'honors', 'http', 'pdf', 'publicity', 'qualification', 'recommendation', 'review', 'voting', 'application', 'org-tree', 'brand-list', 'cultivation', 'acceptance', 'annual-review', 'demo-site', 'belt', 'pairing'],
  /** The staff dashboards (issue 21): one scoped read of every stage of a campaign. */
  dashboard: ['acceptance', 'application', 'auth', 'campaign', 'checklist', 'cultivation', 'demo', 'http', 'objections', 'org-tree', 'voting'],
  /** Process lifecycle (issue 22): readiness for the load balancer and graceful shutdown on SIGTERM. */
  runtime: [],
  worker: ['audit', 'belt', 'campaign', 'cultivation', 'jobs', 'notifications', 'promotion', 'review'],
};

/** The first cycle in the table, as a list of domains, or null. */
export function findCycle(table) {
  const state = new Map();
  const visit = (domain, trail) => {
    if (state.get(domain) === 'done') return null;
    if (state.get(domain) === 'open') return [...trail.slice(trail.indexOf(domain)), domain];
    state.set(domain, 'open');
    for (const next of table[domain] ?? []) {
      const cycle = visit(next, [...trail, domain]);
      if (cycle) return cycle;
    }
    state.set(domain, 'done');
    return null;
  };
  for (const domain of Object.keys(table)) {
    const cycle = visit(domain, []);
    if (cycle) return cycle;
  }
  return null;
}

const cycle = findCycle(LIB_DOMAINS);
if (cycle) throw new Error(`eslint/lib-domains.mjs: lib 领域之间的依赖成环：${cycle.join(' → ')}`);
for (const [domain, targets] of Object.entries(LIB_DOMAINS)) {
  for (const target of targets) if (!(target in LIB_DOMAINS)) throw new Error(`eslint/lib-domains.mjs: ${domain} 依赖的 ${target} 不在表中`);
}

/** The lib domain of a repository-relative path: `lib/<domain>/…` → domain, `lib/x.ts` → '' (shared base), else null. */
function domainOf(relative) {
  const parts = relative.split('/');
  if (parts[0] !== 'lib' || parts[1] === 'generated') return null;
  return parts.length === 2 ? '' : parts[1];
}

const domainImports = {
  meta: {
    type: 'problem',
    docs: { description: 'lib 的领域之间只按 eslint/lib-domains.mjs 的表单向依赖' },
    schema: [],
  },
  create(context) {
    const root = context.cwd;
    const from = domainOf(path.relative(root, context.filename).split(path.sep).join('/'));
    if (from === null) return {};
    const check = (node) => {
      const source = node.source?.value;
      if (typeof source !== 'string') return;
      let target;
      if (source.startsWith('@/')) target = domainOf(source.slice(2));
      else if (source.startsWith('.')) target = domainOf(path.relative(root, path.resolve(path.dirname(context.filename), source)).split(path.sep).join('/'));
      else return;
      if (!target || target === from) return;
      const allowed = from === '' ? [] : LIB_DOMAINS[from];
      if (!allowed) {
        context.report({ node: node.source, message: `lib/${from} 不在 eslint/lib-domains.mjs 的领域表中：先在表中写明它依赖哪些领域。` });
      } else if (!allowed.includes(target)) {
        const reverse = LIB_DOMAINS[target]?.includes(from);
        context.report({
          node: node.source,
          message:
            from === ''
              ? `lib 顶层的共用模块不能引用领域 lib/${target}。`
              : reverse
                ? `lib/${from} 不能引用 lib/${target}：lib/${target} 已依赖 lib/${from}，领域之间只能单向依赖。把共用的部分移到较低的领域或中立的模块。`
                : `lib/${from} 引用 lib/${target} 未在 eslint/lib-domains.mjs 中声明：确认方向后加入表中（表不允许成环）。`,
        });
      }
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

export const libDomainsPlugin = { rules: { 'domain-imports': domainImports } };
