// deploy/nginx.conf.template rendered for production (deploy/nginx.conf, mounted by compose.yaml) or for a cluster on
// one machine (scripts/lib/cluster.mjs: loopback ports, a temporary directory, the current user).
//   node scripts/lib/nginx-config.mjs     writes deploy/nginx.conf from the template
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const DEPLOY = path.resolve(import.meta.dirname, '..', '..', 'deploy');
export const NGINX_TEMPLATE = path.join(DEPLOY, 'nginx.conf.template');
export const NGINX_PRODUCTION_CONFIG = path.join(DEPLOY, 'nginx.conf');

/** The values of compose.yaml's nginx (the official image: its temp and cache folders, logs to the container's output). */
export const PRODUCTION_NGINX = {
  process: '',
  worker_processes: 'auto',
  error_log: '/dev/stderr',
  access_log: '/dev/stdout json',
  temp_dir: '/var/cache/nginx',
  cache_dir: '/var/cache/nginx/public_pages',
  listen: '80',
  upstreams: ['app1:3000', 'app2:3000'],
};

/** What `node scripts/lib/nginx-config.mjs` writes to deploy/nginx.conf. */
export const renderProductionNginxConfig = () =>
  `# Generated from deploy/nginx.conf.template (node scripts/lib/nginx-config.mjs): edit the template, not this file.\n${renderNginxConfig(PRODUCTION_NGINX)}`;

/** The template with `values` filled in; every {{name}} must have one. */
export function renderNginxConfig(values, template = readFileSync(NGINX_TEMPLATE, 'utf8')) {
  const filled = {
    ...values,
    upstream_servers: values.upstreams.map((address) => `    server ${address} max_fails=2 fail_timeout=10s;`).join('\n'),
  };
  return template.replace(/\{\{(\w+)\}\}/g, (_, name) => {
    if (!(name in filled)) throw new Error(`deploy/nginx.conf.template: no value for {{${name}}}`);
    return String(filled[name]);
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  writeFileSync(NGINX_PRODUCTION_CONFIG, renderProductionNginxConfig());
  console.log(`已写入 ${path.relative(process.cwd(), NGINX_PRODUCTION_CONFIG)}`);
}
