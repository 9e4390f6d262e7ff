import type { OrgField, Role } from '@/lib/generated/prisma/enums';

// A fictional city (示范市) for demos and tests. Codes are stable: the seed upserts by them.
export type TSeedOrg = {
  code: string;
  name: string;
  shortName?: string;
  levelLabel: string;
  field?: OrgField;
  memberCount?: number;
  secretaryName?: string;
  children?: TSeedOrg[];
};

const branch = (code: string, name: string, field: OrgField, memberCount: number, secretaryName: string): TSeedOrg => ({
  code,
  name,
  levelLabel: '支部',
  field,
  memberCount,
  secretaryName,
});

export const DEMO_CITY: TSeedOrg = {
  code: 'SF',
  name: '中共示范市委员会',
  shortName: '示范市委',
  levelLabel: '市委',
  memberCount: 0,
  children: [
    {
      code: 'SF-JG',
      name: '示范市直属机关工作委员会',
      shortName: '市直机关工委',
      levelLabel: '党工委',
      field: 'GOVERNMENT',
      children: [
        branch('SF-JG-01', '市发展改革委机关党支部', 'GOVERNMENT', 46, '周建国'),
        branch('SF-JG-02', '市财政局机关第一党支部', 'GOVERNMENT', 38, '吴晓红'),
        branch('SF-JG-03', '市教育局机关党支部', 'GOVERNMENT', 29, '郑文博'),
        branch('SF-JG-04', '市人民医院党总支第一支部', 'HEALTH', 64, '王丽萍'),
        branch('SF-JG-05', '市第一中学教工党支部', 'EDUCATION', 52, '冯志强'),
        branch('SF-JG-06', '市疾控中心党支部', 'HEALTH', 31, '陈晓东'),
      ],
    },
    {
      code: 'SF-GZ',
      name: '示范市国资委党委',
      shortName: '市国资委党委',
      levelLabel: '党委',
      field: 'SOE',
      children: [
        branch('SF-GZ-01', '示范城投集团第一党支部', 'SOE', 58, '褚卫东'),
        branch('SF-GZ-02', '示范水务集团党支部', 'SOE', 44, '卫红梅'),
        branch('SF-GZ-03', '示范公交集团驾驶员党支部', 'SOE', 73, '蒋永刚'),
        branch('SF-GZ-04', '示范供电公司运检党支部', 'SOE', 40, '沈立新'),
      ],
    },
    {
      code: 'SF-DC',
      name: '中共示范市东城区委员会',
      shortName: '东城区委',
      levelLabel: '区委',
      children: [
        {
          code: 'SF-DC-DH',
          name: '东华街道党工委',
          levelLabel: '党工委',
          field: 'COMMUNITY',
          children: [
            branch('SF-DC-DH-01', '东华街道幸福里社区党委', 'COMMUNITY', 126, '韩梅'),
            branch('SF-DC-DH-02', '东华街道光明社区党支部', 'COMMUNITY', 87, '杨光'),
            branch('SF-DC-DH-03', '东华街道新风社区党支部', 'COMMUNITY', 64, '朱红'),
            branch('SF-DC-DH-04', '东华街道商务楼宇联合党支部', 'NON_PUBLIC', 35, '秦川'),
            branch('SF-DC-DH-05', '东华街道快递小哥党支部', 'NON_PUBLIC', 22, '尤志远'),
          ],
        },
        {
          code: 'SF-DC-JG',
          name: '东城区直机关工委',
          levelLabel: '党工委',
          field: 'GOVERNMENT',
          children: [
            branch('SF-DC-JG-01', '东城区税务局党支部', 'GOVERNMENT', 41, '许文'),
            branch('SF-DC-JG-02', '东城区实验小学党支部', 'EDUCATION', 36, '何静'),
            branch('SF-DC-JG-03', '东城区中医院党支部', 'HEALTH', 48, '吕思源'),
            branch('SF-DC-JG-04', '东城区市场监管局党支部', 'GOVERNMENT', 33, '施敏'),
          ],
        },
        {
          code: 'SF-DC-CG',
          name: '城关镇党委',
          levelLabel: '党委',
          field: 'RURAL',
          children: [
            branch('SF-DC-CG-01', '城关镇桃源村党支部', 'RURAL', 45, '张德胜'),
            branch('SF-DC-CG-02', '城关镇柳湾村党支部', 'RURAL', 39, '孔繁荣'),
            branch('SF-DC-CG-03', '城关镇新民村党总支', 'RURAL', 57, '曹永安'),
          ],
        },
      ],
    },
    {
      code: 'SF-XC',
      name: '中共示范市西城区委员会',
      shortName: '西城区委',
      levelLabel: '区委',
      children: [
        {
          code: 'SF-XC-XS',
          name: '西山街道党工委',
          levelLabel: '党工委',
          field: 'COMMUNITY',
          children: [
            branch('SF-XC-XS-01', '西山街道翠竹社区党委', 'COMMUNITY', 98, '严冬梅'),
            branch('SF-XC-XS-02', '西山街道和平社区党支部', 'COMMUNITY', 71, '华晓'),
            branch('SF-XC-XS-03', '西山街道社会组织联合党支部', 'NON_PUBLIC', 26, '金鑫'),
          ],
        },
        {
          code: 'SF-XC-FQ',
          name: '西城区非公有制经济组织党委',
          levelLabel: '党委',
          field: 'NON_PUBLIC',
          children: [
            branch('SF-XC-FQ-01', '星河科技有限公司党支部', 'NON_PUBLIC', 34, '魏来'),
            branch('SF-XC-FQ-02', '西城律师行业党支部', 'NON_PUBLIC', 29, '陶然'),
            branch('SF-XC-FQ-03', '绿源农业合作社党支部', 'NON_PUBLIC', 18, '姜禾'),
          ],
        },
        {
          code: 'SF-XC-WY',
          name: '五里营镇党委',
          levelLabel: '党委',
          field: 'RURAL',
          children: [
            branch('SF-XC-WY-01', '五里营镇石桥村党支部', 'RURAL', 42, '戚国梁'),
            branch('SF-XC-WY-02', '五里营镇红旗村党支部', 'RURAL', 51, '谢红旗'),
            branch('SF-XC-WY-03', '五里营镇卫生院党支部', 'HEALTH', 23, '邹平'),
          ],
        },
      ],
    },
    {
      code: 'SF-NH',
      name: '中共南湖县委员会',
      shortName: '南湖县委',
      levelLabel: '县委',
      children: [
        {
          code: 'SF-NH-JG',
          name: '南湖县直机关工委',
          levelLabel: '党工委',
          field: 'GOVERNMENT',
          children: [
            branch('SF-NH-JG-01', '南湖县委办公室党支部', 'GOVERNMENT', 27, '喻明'),
            branch('SF-NH-JG-02', '南湖县第二中学党支部', 'EDUCATION', 44, '柏青'),
            branch('SF-NH-JG-03', '南湖县人民医院党委第二支部', 'HEALTH', 55, '水清'),
          ],
        },
        {
          code: 'SF-NH-HB',
          name: '湖滨镇党委',
          levelLabel: '党委',
          field: 'RURAL',
          children: [
            branch('SF-NH-HB-01', '湖滨镇渔港村党支部', 'RURAL', 38, '窦海'),
            branch('SF-NH-HB-02', '湖滨镇茶园村党支部', 'RURAL', 33, '章茶香'),
            branch('SF-NH-HB-03', '湖滨镇南湖社区党支部', 'COMMUNITY', 61, '云朵'),
          ],
        },
        {
          code: 'SF-NH-QY',
          name: '南湖县国有企业党委',
          levelLabel: '党委',
          field: 'SOE',
          children: [
            branch('SF-NH-QY-01', '南湖旅游集团党支部', 'SOE', 30, '苏航'),
            branch('SF-NH-QY-02', '南湖粮食储备库党支部', 'SOE', 19, '潘谷'),
          ],
        },
      ],
    },
  ],
};

/** Demo password for every seeded account (demo only; real accounts are imported and must change it). */
export const DEMO_PASSWORD = 'Demo@2026';

export type TSeedUser = {
  loginName: string;
  displayName: string;
  phone: string;
  roles: { role: Role; orgCode: string }[];
  /** Experts: home organization (for 回避), fields of expertise, 职务/职称 and work unit. */
  expert?: { homeOrgCode: string; expertise: OrgField[]; title: string; workUnit: string };
};

export const DEMO_USERS: TSeedUser[] = [
  { loginName: 'admin', displayName: '李组织（市委组织部）', phone: '13900000001', roles: [{ role: 'ORG_ADMIN', orgCode: 'SF' }] },
  { loginName: 'dh-admin', displayName: '赵推荐（东华街道党工委）', phone: '13900000002', roles: [{ role: 'COMMITTEE_ADMIN', orgCode: 'SF-DC-DH' }] },
  { loginName: 'jg-admin', displayName: '钱机关（市直机关工委）', phone: '13900000003', roles: [{ role: 'COMMITTEE_ADMIN', orgCode: 'SF-JG' }] },
  { loginName: 'dc-admin', displayName: '孙区委（东城区委组织部）', phone: '13900000004', roles: [{ role: 'COMMITTEE_ADMIN', orgCode: 'SF-DC' }] },
  { loginName: 'cg-admin', displayName: '周城关（城关镇党委）', phone: '13900000005', roles: [{ role: 'COMMITTEE_ADMIN', orgCode: 'SF-DC-CG' }] },
  { loginName: 'sec-xfl', displayName: '韩梅', phone: '13900000011', roles: [{ role: 'BRANCH_SECRETARY', orgCode: 'SF-DC-DH-01' }] },
  { loginName: 'sec-gm', displayName: '杨光', phone: '13900000012', roles: [{ role: 'BRANCH_SECRETARY', orgCode: 'SF-DC-DH-02' }] },
  { loginName: 'sec-fgw', displayName: '周建国', phone: '13900000013', roles: [{ role: 'BRANCH_SECRETARY', orgCode: 'SF-JG-01' }] },
  { loginName: 'sec-yy', displayName: '王丽萍', phone: '13900000014', roles: [{ role: 'BRANCH_SECRETARY', orgCode: 'SF-JG-04' }] },
  { loginName: 'sec-ty', displayName: '张德胜', phone: '13900000015', roles: [{ role: 'BRANCH_SECRETARY', orgCode: 'SF-DC-CG-01' }] },
  {
    loginName: 'expert1',
    displayName: '孙立德（党校教授）',
    phone: '13900000021',
    roles: [{ role: 'EXPERT', orgCode: 'SF' }],
    expert: { homeOrgCode: 'SF', expertise: ['RURAL', 'COMMUNITY'], title: '市委党校教授', workUnit: '示范市委党校' },
  },
  {
    loginName: 'expert2',
    displayName: '郭明远（市委党史研究室）',
    phone: '13900000022',
    roles: [{ role: 'EXPERT', orgCode: 'SF' }],
    expert: { homeOrgCode: 'SF', expertise: ['GOVERNMENT', 'SOE'], title: '研究员', workUnit: '示范市委党史研究室' },
  },
  {
    loginName: 'expert3',
    displayName: '林慧（高校马克思主义学院）',
    phone: '13900000023',
    roles: [{ role: 'EXPERT', orgCode: 'SF-JG' }],
    expert: { homeOrgCode: 'SF-JG', expertise: ['EDUCATION', 'GOVERNMENT'], title: '副教授', workUnit: '示范学院马克思主义学院' },
  },
  {
    loginName: 'expert4',
    displayName: '高峰（西城区委组织部）',
    phone: '13900000024',
    roles: [{ role: 'EXPERT', orgCode: 'SF-XC' }],
    expert: { homeOrgCode: 'SF-XC', expertise: ['COMMUNITY', 'NON_PUBLIC'], title: '组织科科长', workUnit: '西城区委组织部' },
  },
  {
    loginName: 'expert5',
    displayName: '罗兰（南湖县委党校）',
    phone: '13900000025',
    roles: [{ role: 'EXPERT', orgCode: 'SF-NH' }],
    expert: { homeOrgCode: 'SF-NH', expertise: ['RURAL', 'HEALTH'], title: '讲师', workUnit: '南湖县委党校' },
  },
  ...(
    [
      ['member01', '刘洋', 'SF-DC-DH-01'],
      ['member02', '陈静', 'SF-DC-DH-01'],
      ['member03', '黄磊', 'SF-DC-DH-02'],
      ['member04', '赵敏', 'SF-JG-01'],
      ['member05', '徐峰', 'SF-JG-04'],
      ['member06', '孙悦', 'SF-GZ-03'],
      ['member07', '马超', 'SF-DC-CG-01'],
      ['member08', '朱琳', 'SF-XC-XS-01'],
      ['member09', '胡军', 'SF-XC-FQ-01'],
      ['member10', '郭婷', 'SF-NH-HB-02'],
    ] as const
  ).map(([loginName, displayName, orgCode], index) => ({
    loginName,
    displayName,
    phone: `139000001${String(index + 1).padStart(2, '0')}`,
    roles: [{ role: 'MEMBER' as const, orgCode }],
  })),
];

export const DEMO_CAMPAIGN_TITLE = '2026年度示范市党建品牌选树';
