import type { TDrillReport } from './run-drill.mjs';

export function formatReport(report: TDrillReport): string;
