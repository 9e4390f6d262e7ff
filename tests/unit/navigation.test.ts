import { describe, expect, it } from 'vitest';
import { navItemsFor } from '@/lib/auth/navigation';

describe('workspace menu', () => {
  it('groups the 组织部 menu into five entries plus 工作台 and 我的账号, every page still reachable once', () => {
    const entries = navItemsFor(['ORG_ADMIN'], { rootAdmin: true });
    expect(entries.map((entry) => entry.label)).toEqual(['工作台', '评选工作', '培育验收', '示范推广', '系统管理', '我的账号']);
    const system = entries.find((entry) => entry.label === '系统管理');
    expect(system?.href).toBe('/admin/orgs');
    expect(system?.children?.map((page) => page.label)).toEqual(['组织架构', '用户管理', '批量导入', '审计日志', '短信记录']);
    const pages = entries.flatMap((entry) => entry.children ?? [entry]).map((page) => page.href);
    expect(new Set(pages).size).toBe(pages.length);
    expect(pages).toHaveLength(17);
  });

  it('leaves a short menu flat and hides 短信记录 from a non-root administrator', () => {
    expect(navItemsFor(['COMMITTEE_ADMIN']).every((entry) => !entry.children)).toBe(true);
    expect(navItemsFor(['MEMBER']).map((entry) => entry.label)).toEqual(['参与投票', '我的账号']);
    const system = navItemsFor(['ORG_ADMIN']).find((entry) => entry.label === '系统管理');
    expect(system?.children?.map((page) => page.href)).not.toContain('/admin/sms');
  });
});
