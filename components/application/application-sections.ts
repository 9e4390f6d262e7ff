import { FIELD_LABELS, TEXT_LIMITS, type TLongTextKey } from '@/lib/application/schema';

/** The sections of the printed form, in order; the self-assessment section follows, one box per rubric criterion. */
export const TEXT_SECTIONS: { title: string; key: TLongTextKey; hint: string; required: boolean }[] = [
  { title: '品牌内涵', key: 'essence', hint: '品牌名称的由来、寓意和核心理念', required: true },
  { title: '创建载体', key: 'carriers', hint: '阵地、平台、队伍等创建载体', required: true },
  { title: '工作服务规范', key: 'norms', hint: '制度、流程和服务标准', required: true },
  { title: '主要做法与成效', key: 'practices', hint: '具体做法、取得的成效和典型事例', required: true },
  { title: '荣誉', key: 'honors', hint: '近年来获得的荣誉（选填）', required: false },
];

export const textLimit = (key: TLongTextKey) => TEXT_LIMITS[key];
export const textLabel = (key: TLongTextKey) => FIELD_LABELS[key];
