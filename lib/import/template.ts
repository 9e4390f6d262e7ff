import ExcelJS from 'exceljs';
import { workbookBuffer } from '@/lib/export/workbook';
import { ROLE_LABELS, ROLE_ORDER } from '@/lib/auth/roles';
import { ORG_FIELD_LABELS, ORG_FIELDS } from '@/lib/org-tree/fields';
import { MAX_IMPORT_ROWS, ORGANIZATION_COLUMNS, SHEET_NAMES, USER_COLUMNS, type TColumn, type TImportKind } from '@/lib/import/columns';

// exceljs has `dataValidations` at runtime but leaves it out of its typings.
type TSheetWithValidations = ExcelJS.Worksheet & {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
};

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFB91C1C' } };
const TEXT_FORMAT = '@';

function examples(kind: TImportKind, rootCode: string): string[][] {
  if (kind === 'organizations') {
    return [
      [`${rootCode}-XQ`, '示例街道党工委', '示例街道', rootCode, '党工委', ORG_FIELD_LABELS.COMMUNITY, '0', '', ''],
      [`${rootCode}-XQ-01`, '示例街道幸福社区党支部', '幸福社区', `${rootCode}-XQ`, '支部', ORG_FIELD_LABELS.COMMUNITY, '56', '张三', '13800000000'],
    ];
  }
  return [
    ['zhangsan', '张三', '13800000000', ROLE_LABELS.BRANCH_SECRETARY, `${rootCode}-XQ-01`],
    ['zhangsan', '张三', '13800000000', ROLE_LABELS.MEMBER, `${rootCode}-XQ-01`],
    ['lisi', '李四', '', ROLE_LABELS.EXPERT, rootCode],
  ];
}

function columnLetter(index: number): string {
  return String.fromCharCode('A'.charCodeAt(0) + index);
}

function addDataSheet(workbook: ExcelJS.Workbook, kind: TImportKind, columns: readonly TColumn[]) {
  const sheet = workbook.addWorksheet(SHEET_NAMES[kind], { views: [{ state: 'frozen', ySplit: 1 }] }) as TSheetWithValidations;
  sheet.columns = columns.map((column) => ({ header: column.header, key: column.key, width: column.width, style: { numFmt: TEXT_FORMAT } }));
  const header = sheet.getRow(1);
  header.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  header.fill = HEADER_FILL;
  const lastRow = MAX_IMPORT_ROWS + 1;
  const listColumn = (key: string, choices: string[], title: string) => {
    const letter = columnLetter(columns.findIndex((column) => column.key === key));
    sheet.dataValidations.add(`${letter}2:${letter}${lastRow}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`"${choices.join(',')}"`],
      showErrorMessage: true,
      errorTitle: title,
      error: `请从下拉列表中选择${title}`,
    });
  };
  if (kind === 'organizations') listColumn('field', ORG_FIELDS.map((field) => ORG_FIELD_LABELS[field]), '领域');
  else listColumn('role', ROLE_ORDER.map((role) => ROLE_LABELS[role]), '角色');
}

function addInstructionsSheet(workbook: ExcelJS.Workbook, kind: TImportKind, columns: readonly TColumn[], rootCode: string) {
  const sheet = workbook.addWorksheet('说明');
  sheet.columns = [{ width: 16 }, { width: 10 }, { width: 90 }];
  const title = sheet.addRow([`${SHEET_NAMES[kind]}导入说明`]);
  title.font = { bold: true, size: 14 };
  sheet.addRow([`在“${SHEET_NAMES[kind]}”工作表中填写，第 1 行是列名，请勿修改；每行一条，最多 ${MAX_IMPORT_ROWS} 行，文件不超过 5 MB。`]);
  sheet.addRow(['导入前会逐行检查全部内容，只要有一处错误就不写入任何数据，并按“第几行 · 哪一列 · 什么问题”列出；同一文件重复导入不会产生变化。']);
  if (kind === 'organizations') sheet.addRow(['已存在的组织按本行内容更新：留空的可选列会清空系统中的对应内容。']);
  else sheet.addRow(['新账号的初始密码在导入完成后显示一次，请妥善转交；首次登录须修改密码。已有账号只会补充缺少的角色，不会删除角色。']);
  sheet.addRow([]);
  const head = sheet.addRow(['列名', '是否必填', '填写要求']);
  head.font = { bold: true };
  for (const column of columns) sheet.addRow([column.header, column.required ? '必填' : '选填', column.note]);
  sheet.addRow([]);
  sheet.addRow(['示例（请在数据工作表中填写，本页内容不会导入）']).font = { bold: true };
  sheet.addRow(columns.map((column) => column.header)).font = { bold: true };
  for (const example of examples(kind, rootCode)) sheet.addRow(example);
  sheet.getColumn(3).alignment = { wrapText: true, vertical: 'top' };
}

/** The import template: a data sheet with headers and drop-down lists, and a 说明 sheet with rules and examples. */
export async function buildImportTemplate(kind: TImportKind, rootCode: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '党建品牌选树平台';
  const columns = kind === 'organizations' ? ORGANIZATION_COLUMNS : USER_COLUMNS;
  addDataSheet(workbook, kind, columns);
  addInstructionsSheet(workbook, kind, columns, rootCode);
  return workbookBuffer(workbook);
}
