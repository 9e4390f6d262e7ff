#!/usr/bin/env bash
# Makes sure the packages of the browser and cluster tests exist (a fresh machine has none of them): Debian's Chromium
# and a CJK font (e2e), nginx and Redis (the cluster test, scripts/lib/cluster.mjs).
# As root it installs what is missing with apt-get; otherwise it names what to install and fails.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
fc-list :lang=zh 2>/dev/null | grep -q . || missing+=(fonts-wqy-microhei)
# nginx-light: the proxy module and the cache, without the extra modules of nginx-full.
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = "0" ]; then
  echo "安装测试所需的软件包：${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # policy-rc.d 101: the packages' own services (nginx on port 80, redis on 6379) are not started; the tests start theirs.
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
  trap 'rm -f /usr/sbin/policy-rc.d' EXIT
  apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "缺少测试所需的软件包：${missing[*]}。请以 root 运行：apt-get install -y ${missing[*]}" >&2
  exit 1
fi
