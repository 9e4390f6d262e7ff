#!/bin/sh
# Stops the embedded postmaster when the process that started it is gone (also after kill -9, which no exit hook sees).
# Started detached by scripts/lib/postmaster.mjs (watchPostmaster):  sh postgres-watchdog.sh <parent pid> <postmaster pid> [data dir to remove]
# POSIX sh, so the watcher costs a shell rather than a second Node process. A zombie counts as gone (where nothing
# reaps orphans, kill -0 still finds them).
parent=$1 pm=$2 dir=$3
alive() {
  kill -0 "$1" 2>/dev/null || return 1
  case "$(cat "/proc/$1/stat" 2>/dev/null)" in *") Z "*) return 1 ;; esac
  return 0
}
while alive "$parent" && alive "$pm"; do sleep 0.5; done
alive "$pm" || exit 0
kill -INT "$pm"
i=0; while alive "$pm" && [ $i -lt 60 ]; do sleep 0.5; i=$((i+1)); done
alive "$pm" && kill -QUIT "$pm"
i=0; while alive "$pm" && [ $i -lt 20 ]; do sleep 0.5; i=$((i+1)); done
if [ -n "$dir" ]; then rm -rf "$dir"; fi
