// The before/after JSON of an audit row as a list of readable changes: Chinese labels, old → new, ids as names.
// Pure: the names come from lib/audit-log/names.ts, loaded once for the whole page.
import { FIELD_LABELS, HIDDEN_KEYS, ID_KEYS, KEYED_VALUE_LABELS, OPAQUE_KEYS, PAIR_KEYS, VALUE_LABELS, type TRefKind } from '@/lib/audit-log/fields';
import { formatDate, formatDateTime, formatFileSize } from '@/lib/format';
import { STAGE_LABELS } from '@/lib/campaign/templates';
import { ROLE_LABELS } from '@/lib/auth/roles';

export type TAuditNames = Record<TRefKind, ReadonlyMap<string, string>>;

export type TAuditChange = {
  label: string;
  /** null: the field was not in the record before (a new value) or after (removed). */
  before: string | null;
  after: string | null;
  /** A value shown once, as context: an id that did not change (the level that recommended), or what `before` recorded. */
  isContext?: boolean;
};

type TPath = string[];
type TJson = unknown;

const LIST_LIMIT = 6;
/** Items with a line each (the nine stages of a campaign) are shown in full up to this many. */
const LINE_LIMIT = 12;
const TEXT_LIMIT = 120;
const ID_LIKE = /^(c[a-z0-9]{20,}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

const isPlainObject = (value: TJson): value is Record<string, TJson> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Leaves of the JSON by key path; arrays, opaque objects and objects keyed by ids are leaves of their own. */
function flatten(value: TJson, path: TPath = []): [TPath, TJson][] {
  if (value === undefined) return [];
  // A null field is a value (空) that may change; a null record (nothing before) is no field at all.
  if (value === null) return path.length ? [[path, null]] : [];
  if (!isPlainObject(value)) return [[path.length ? path : ['records'], value]];
  const key = path.at(-1);
  const keys = Object.keys(value);
  if ((key && OPAQUE_KEYS.has(key)) || (keys.length > 0 && keys.every((k) => ID_LIKE.test(k)))) return [[path, value]];
  return keys.filter((k) => !HIDDEN_KEYS.has(k)).flatMap((k) => flatten(value[k], [...path, k]));
}

const labelOf = (path: TPath) => path.map((segment) => FIELD_LABELS[segment] ?? (segment === 'records' ? '记录' : segment)).join(' · ');

function truncate(text: string): string {
  const chars = Array.from(text);
  return chars.length > TEXT_LIMIT ? `${chars.slice(0, TEXT_LIMIT).join('')}…` : text;
}

/** Names run on one line (张三、李四); longer items (a stage with its dates) get a line each. */
function listOf(items: string[], separator = '、'): string {
  if (items.length === 0) return '（无）';
  const limit = separator === '\n' ? LINE_LIMIT : LIST_LIMIT;
  const shown = items.slice(0, limit).join(separator);
  return items.length > limit ? `${shown}${separator === '\n' ? '\n' : ' '}等 ${items.length} 项` : shown;
}

function nameOf(names: TAuditNames, kind: TRefKind, id: TJson): string {
  if (typeof id !== 'string' || !id) return '（空）';
  return names[kind].get(id) ?? '（已删除）';
}

/** A datetime-local value of the campaign form (Asia/Shanghai wall time). */
function formatLocalDateTime(value: string): string {
  const [, y, m, d, time] = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2})$/.exec(value)!;
  return `${y}年${Number(m)}月${Number(d)}日 ${time}`;
}

function formatScalar(key: string, value: TJson): string {
  if (value === null || value === undefined || value === '') return '（空）';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number') return key === 'size' ? formatFileSize(value) : String(value);
  if (typeof value !== 'string') return `共 ${Object.keys(value as object).length} 项`;
  const keyed = KEYED_VALUE_LABELS[key]?.[value];
  if (keyed) return keyed;
  if (/^[A-Z][A-Z0-9_]*$/.test(value) && VALUE_LABELS[value]) return VALUE_LABELS[value];
  if (key === 'source' && VALUE_LABELS[value]) return VALUE_LABELS[value];
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value)) {
    // A whole-day value (the 公示 days, a meeting date) is stored as Shanghai or UTC midnight: show the day alone.
    const time = formatDateTime(value);
    return time.endsWith(' 00:00') || /T00:00:00(\.0+)?Z$/.test(value) ? formatDate(value) : time;
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return formatLocalDateTime(value);
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(`${value}T00:00:00+08:00`);
  return truncate(value);
}

function formatObjectItem(key: string, item: Record<string, TJson>, names: TAuditNames): string {
  if (key === 'stages' && typeof item.kind === 'string') {
    const label = VALUE_LABELS[item.kind] ?? STAGE_LABELS[item.kind as keyof typeof STAGE_LABELS] ?? item.kind;
    const window = `${formatScalar('startsAt', item.startsAt)} 至 ${formatScalar('endsAt', item.endsAt)}`;
    return item.isEnabled === false ? `${label}（不启用）` : `${label} ${window}`;
  }
  if (key === 'roles' && typeof item.role === 'string') {
    return `${ROLE_LABELS[item.role as keyof typeof ROLE_LABELS] ?? item.role}（${nameOf(names, 'organization', item.organizationId)}）`;
  }
  if (key === 'overrides') return `${nameOf(names, 'organization', item.organizationId)}：${formatScalar('limit', item.limit)} 个`;
  if (key === 'levelDeadlines') return `第 ${formatScalar('depth', item.depth)} 级：${formatScalar('endsAt', item.endsAt)}`;
  if (key === 'items' && typeof item.applicationId === 'string') {
    // Decision drafts wrote one awardId per entry before several awards per entry were allowed.
    const ids = Array.isArray(item.awardIds) ? item.awardIds.filter((id) => typeof id === 'string') : item.awardId ? [item.awardId] : [];
    const award = ids.length ? ids.map((id) => nameOf(names, 'award', id)).join('、') : '不获奖';
    return `${nameOf(names, 'application', item.applicationId)}：${award}`;
  }
  if (typeof item.name === 'string') return truncate(item.name);
  if (key === 'records' && (typeof item.id === 'string' || typeof item.id === 'number')) return `#${item.id}`;
  return `${Object.keys(item).length} 个字段`;
}

function formatValue(key: string, value: TJson, names: TAuditNames): string {
  const ref = ID_KEYS[key];
  if (Array.isArray(value)) {
    if (ref) return listOf(value.map((id) => nameOf(names, ref, id)));
    const pair = PAIR_KEYS[key];
    if (pair && value.every((item) => Array.isArray(item) && item.length === 2)) {
      return listOf(value.map((item) => `${nameOf(names, pair[0], item[0])}：${nameOf(names, pair[1], item[1])}`));
    }
    if (key === 'voteIds') return `${value.length} 张票`;
    if (key === 'scores') return `${value.length} 项评分`;
    if (key === 'records' && value.every(isPlainObject) && value.length > LIST_LIMIT) return `共 ${value.length} 项`;
    if (value.every(isPlainObject)) return listOf(value.map((item) => formatObjectItem(key, item, names)), '\n');
    return listOf(value.map((item) => (Array.isArray(item) ? `${item.length} 项` : formatScalar(key, item))));
  }
  if (isPlainObject(value)) return `共 ${Object.keys(value).length} 项`;
  if (ref) return nameOf(names, ref, value);
  if (key === 'path' && typeof value === 'string') return value.split('/').filter(Boolean).map((id) => nameOf(names, 'organization', id)).join(' / ');
  return formatScalar(key, value);
}

const isEmpty = (value: TJson) => value === null || value === '' || (Array.isArray(value) && value.length === 0);
const same = (a: TJson, b: TJson) => JSON.stringify(a) === JSON.stringify(b);

/** jsonb keeps keys in its own order (shortest first); changes read in the order of FIELD_LABELS, context first. */
const FIELD_ORDER = new Map(Object.keys(FIELD_LABELS).map((key, index) => [key, index]));
const rankOf = (path: TPath) => FIELD_ORDER.get(path[0]) ?? FIELD_ORDER.size;

/**
 * Field by field: what changed (old → new), what was set (a record with only `after`), what was removed; ids that
 * stayed the same (the level that recommended, the campaign) are kept once as context, other unchanged fields are left out.
 */
export function describeChanges(before: TJson, after: TJson, names: TAuditNames): TAuditChange[] {
  const old = new Map(flatten(before).map(([path, value]) => [path.join('.'), { path, value }]));
  const now = new Map(flatten(after).map(([path, value]) => [path.join('.'), { path, value }]));
  const keys = [...new Set([...old.keys(), ...now.keys()])];
  const changes: (TAuditChange & { rank: number })[] = [];
  for (const key of keys) {
    const a = old.get(key);
    const b = now.get(key);
    const path = (a ?? b)!.path;
    const last = path.at(-1)!;
    const format = (entry: { value: TJson } | undefined) => (entry === undefined ? null : formatValue(last, entry.value, names));
    if (a && b && same(a.value, b.value)) {
      if (ID_KEYS[last] && !Array.isArray(a.value)) changes.push({ label: labelOf(path), before: null, after: format(b), isContext: true, rank: -1 });
      continue;
    }
    // A new record lists what it was created with; its empty fields say nothing.
    if (!a && b && (before === null || before === undefined) && isEmpty(b.value)) continue;
    // Only in `before` of a record that has an `after`: a value recorded as it was (the submitted text), not removed.
    if (a && !b && after !== null && after !== undefined) {
      changes.push({ label: labelOf(path), before: null, after: format(a), isContext: true, rank: rankOf(path) });
      continue;
    }
    changes.push({ label: labelOf(path), before: format(a), after: format(b), rank: rankOf(path) });
  }
  return changes.sort((x, y) => x.rank - y.rank).map(({ rank: _rank, ...change }) => change);
}

/** Every id a page of rows mentions, by the table it points at, so names load in one query per table. */
export function collectRefs(values: readonly TJson[], into: Record<TRefKind, Set<string>>): void {
  const add = (kind: TRefKind, id: TJson) => {
    if (typeof id === 'string' && id) into[kind].add(id);
  };
  const walk = (value: TJson, key?: string) => {
    if (Array.isArray(value)) {
      const pair = key ? PAIR_KEYS[key] : undefined;
      for (const item of value) {
        if (key && ID_KEYS[key]) add(ID_KEYS[key], item);
        else if (pair && Array.isArray(item) && item.length === 2) {
          add(pair[0], item[0]);
          add(pair[1], item[1]);
        } else walk(item, key);
      }
      return;
    }
    if (!isPlainObject(value)) {
      if (key && ID_KEYS[key]) add(ID_KEYS[key], value);
      if (key === 'path' && typeof value === 'string') value.split('/').filter(Boolean).forEach((id) => add('organization', id));
      return;
    }
    for (const [k, v] of Object.entries(value)) walk(v, k);
  };
  values.forEach((value) => walk(value));
}
