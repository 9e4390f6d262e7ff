// Printed by npm run dev / npm start; keep in step with prisma/seed/demo-city.ts.
export const DEMO_ACCOUNTS_TEXT = `演示账号（密码均为 Demo@2026，可用登录名或手机号登录）：
  组织部管理员    admin
  党(工)委管理员  dh-admin（东华街道党工委）  jg-admin（市直机关工委）
  支部书记        sec-xfl  sec-gm  sec-fgw  sec-yy  sec-ty
  评审专家        expert1 … expert5
  党员            member01 … member10
`;
