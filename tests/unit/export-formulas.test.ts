import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildApplicationsWorkbook } from '@/lib/application/export';
import type { TStaffApplicationRow } from '@/lib/application/staff-queries';
import { addTableSheet } from '@/lib/export/table-sheet';
import { escapeFormulaText, workbookBuffer } from '@/lib/export/workbook';

const ATTACKS = ['=HYPERLINK("http://evil.example","点此查看")', '+1+cmd|\' /C calc\'!A0', '-2+3+cmd|\' /C calc\'!A0', '@SUM(1+1)*cmd|\' /C calc\'!A0', '\t=1+1', '=1+1'];

async function cellTexts(buffer: Buffer): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  const texts: string[] = [];
  workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => void texts.push(String(cell.value)))));
  return texts;
}

describe('Excel exports and formula injection', () => {
  it('escapes a text that starts a formula with an apostrophe, and leaves other texts and plain numbers alone', () => {
    for (const attack of [...ATTACKS, '\r=1+1']) expect(escapeFormulaText(attack)).toBe(`'${attack}`);
    for (const harmless of ['党建引领', '-1.5', '+86', '12%', '—', '', "'=already"]) expect(escapeFormulaText(harmless)).toBe(harmless);
  });

  it('writes user text from the application list as text that cannot start a formula', async () => {
    const row = {
      id: 'a1',
      brandName: ATTACKS[0],
      status: 'SUBMITTED',
      slogan: ATTACKS[3],
      secretaryName: ATTACKS[1],
      contactPhone: ATTACKS[2],
      submittedAt: null,
      campaign: { id: 'c1', title: '评选' },
      field: { name: ATTACKS[4] },
      organization: { name: ATTACKS[5], parent: { name: '-1.5' } },
    } as unknown as TStaffApplicationRow;
    const texts = await cellTexts(await buildApplicationsWorkbook([row]));
    for (const attack of ATTACKS) expect(texts).toContain(`'${attack}`);
    expect(texts.filter((text) => /^[=+\-@\t\r]/.test(text))).toEqual(['-1.5']);
  });

  it('escapes the titles and cells of the shared table sheet', async () => {
    const workbook = new ExcelJS.Workbook();
    addTableSheet(workbook, '表', { title: ATTACKS[0], subtitle: '说明', empty: '' }, [{ header: '品牌', width: 20, value: (row: { name: string }) => row.name }], [{ name: ATTACKS[3] }]);
    const texts = await cellTexts(await workbookBuffer(workbook));
    expect(texts).toContain(`'${ATTACKS[0]}`);
    expect(texts).toContain(`'${ATTACKS[3]}`);
  });

  it('is the only place that writes a workbook, so a new export cannot skip the escaping', () => {
    const root = path.resolve(import.meta.dirname, '..', '..', 'lib');
    const writers: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const file = path.join(dir, name);
        if (name === 'generated') continue;
        if (statSync(file).isDirectory()) walk(file);
        else if (/\.tsx?$/.test(name) && /\.xlsx\.write(Buffer|File)?\(|\.csv\.write/.test(readFileSync(file, 'utf8'))) writers.push(path.relative(root, file));
      }
    };
    walk(root);
    expect(writers).toEqual(['export/workbook.ts']);
  });
});
