import ExcelJS from 'exceljs';
import { ORGANIZATION_COLUMNS, USER_COLUMNS } from '@/lib/import/columns';

async function workbookBytes(sheetName: string, header: string[], rows: (string | number)[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Rows in template order: 组织代码, 组织名称, 简称, 上级组织代码, 层级, 领域, 党员人数, 书记姓名, 书记手机. */
export function organizationWorkbook(rows: (string | number)[][]) {
  return workbookBytes('组织', ORGANIZATION_COLUMNS.map((column) => column.header), rows);
}

/** Rows in template order: 登录名, 姓名, 手机号, 角色, 所属组织代码. */
export function userWorkbook(rows: (string | number)[][]) {
  return workbookBytes('用户', USER_COLUMNS.map((column) => column.header), rows);
}
