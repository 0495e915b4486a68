#!/usr/bin/env bash
# What the JupyterLab end-to-end suite needs: Debian's chromium, python3 with venv, and two venvs with JupyterLab
# from PyPI (the oldest supported and the newest tested, scripts/jupyterlab/versions.json), cached by version under
# ${XDG_CACHE_HOME:-$HOME/.cache}/kaptain-credentials/. The extension itself is built and pip-installed by the
# suite (after npm test's lint steps, which must not see its build output). Idempotent: with the caches in place it
# only checks them.
set -euo pipefail
cd "$(dirname "$0")/../.."

apt_packages=()
[ -x /usr/bin/chromium ] || apt_packages+=(chromium)
command -v python3 >/dev/null 2>&1 || apt_packages+=(python3)
command -v flock >/dev/null 2>&1 || apt_packages+=(util-linux)
command -v pkill >/dev/null 2>&1 || apt_packages+=(procps)
# Debian's python3 needs python3-venv (ensurepip) for `python3 -m venv`.
if command -v python3 >/dev/null 2>&1 && ! python3 -c 'import ensurepip, venv' >/dev/null 2>&1; then
  apt_packages+=(python3-venv)
fi
if ! command -v python3 >/dev/null 2>&1; then apt_packages+=(python3-venv python3-pip); fi
if [ ${#apt_packages[@]} -gt 0 ]; then
  echo "jupyterlab.sh: installing ${apt_packages[*]} from Debian"
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=600 update -qq
  apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${apt_packages[@]}" >/dev/null
fi

node scripts/jupyterlab/venvs.mjs
echo "jupyterlab.sh: chromium and the JupyterLab venvs ready"
