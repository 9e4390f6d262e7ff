// The server-action body limit, shared by next.config.js (Next's own limit), proxy.ts (413 before Next reads a body
// declared larger) and deploy/nginx.conf (client_max_body_size 6m refuses it first in production).
export const ACTION_BODY_LIMIT_BYTES = 6 * 1024 * 1024;
