// The drill's report in Chinese with its figures, as `npm run drill` prints it.

const number = (n) => Number(n).toLocaleString('zh-CN');
const megabytes = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const FORMATS = { copy: '迁移建结构 + 逐表 COPY', pg_dump: 'pg_dump 自定义格式 / pg_restore' };

export function formatReport(report) {
  const { database, files, app, seconds } = report;
  const lines = ['━━ 备份恢复演练 ━━'];
  if (database.format) {
    lines.push(
      `数据库：PostgreSQL ${database.serverVersion}，${FORMATS[database.format]}；${number(database.tables)} 张表共 ${number(database.rows)} 行，迁移至 ${database.migration ?? '（无）'}；` +
        `审计日志 ${number(database.auditRows)} 条${database.newestAudit ? `（最新 ${database.newestAudit}）` : ''}`,
    );
  }
  if (files.source) {
    lines.push(`文件：${files.source} → ${files.target ?? '（未恢复）'}；${number(files.objects)} 个文件 ${megabytes(files.bytes)}，数据库引用 ${number(files.referenced ?? 0)} 个`);
    if (files.skipped?.length) lines.push(`  跳过 ${files.skipped.length} 个不属于本应用的对象：${files.skipped.slice(0, 5).join('、')}`);
  }
  if (app.admin !== undefined) {
    const audit = app.audit ? `审计日志页（管理员 ${app.admin}）共 ${number(app.audit.total)} 条，最新 ${app.audit.shown}/${app.audit.expected} 条已显示` : '审计日志页未能核对';
    lines.push(`应用：/api/ready ${app.ready ? '200 就绪' : '未就绪'}；${audit}；经应用下载 ${app.downloads} 个文件，字节与备份一致`);
  }
  const timing = [
    ['备份数据库', seconds.dumpDatabase],
    ['备份文件', seconds.dumpFiles],
    ['恢复数据库', seconds.restoreDatabase],
    ['恢复文件', seconds.restoreFiles],
    ['启动应用', seconds.startApp],
    ['经应用核对', seconds.checkApp],
  ].filter(([, value]) => value !== undefined);
  lines.push(`用时：${timing.map(([label, value]) => `${label} ${value} s`).join('，')}；共 ${seconds.total} s`);
  if (report.workDir) lines.push(`备份保留在 ${report.workDir}`);
  if (report.ok) {
    lines.push('结果：通过 ✓ 结构、各表行数、序列、迁移记录、最新审计记录与每个文件的 sha256 都与备份一致，应用在恢复的数据上正常工作');
  } else {
    lines.push(`结果：未通过 ✗ 发现 ${report.problems.length} 处问题：`, ...report.problems.map((problem) => `  - ${problem}`));
  }
  return lines.join('\n');
}
