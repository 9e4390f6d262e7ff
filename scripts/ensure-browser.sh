#!/usr/bin/env bash
# Makes sure Debian's Chromium and a CJK font exist for the e2e tests (a fresh machine has neither).
# As root it installs them with apt-get; otherwise it names what to install and fails.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
fc-list :lang=zh 2>/dev/null | grep -q . || missing+=(fonts-wqy-microhei)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = "0" ]; then
  echo "安装端到端测试所需的软件包：${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null
else
  echo "缺少端到端测试所需的软件包：${missing[*]}。请以 root 运行：apt-get install -y chromium fonts-wqy-microhei" >&2
  exit 1
fi
