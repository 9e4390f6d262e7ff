export type TNginxValues = {
  process: string;
  worker_processes: string;
  error_log: string;
  access_log: string;
  temp_dir: string;
  cache_dir: string;
  listen: string;
  upstreams: string[];
};
export const NGINX_TEMPLATE: string;
export const NGINX_PRODUCTION_CONFIG: string;
export const PRODUCTION_NGINX: TNginxValues;
export function renderProductionNginxConfig(): string;
export function renderNginxConfig(values: TNginxValues, template?: string): string;
