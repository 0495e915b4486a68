#!/usr/bin/env bash
# What the live-check end-to-end suites (test/e2e/check/) need: Debian's docker-registry (distribution) with
# htpasswd from apache2-utils, a one-node Ceph with its S3 gateway (radosgw, ceph-mon, ceph-osd), openssl for test
# certificates, python3 for the kernel transport's test and faketime (an expired session token).
# Idempotent: installs only what is absent.
set -euo pipefail

apt_packages=()
[ -x /usr/bin/docker-registry ] || apt_packages+=(docker-registry)
command -v htpasswd >/dev/null 2>&1 || apt_packages+=(apache2-utils)
command -v radosgw >/dev/null 2>&1 || apt_packages+=(radosgw)
command -v ceph-mon >/dev/null 2>&1 || apt_packages+=(ceph-mon)
command -v ceph-osd >/dev/null 2>&1 || apt_packages+=(ceph-osd)
command -v openssl >/dev/null 2>&1 || apt_packages+=(openssl)
command -v curl >/dev/null 2>&1 || apt_packages+=(curl)
command -v python3 >/dev/null 2>&1 || apt_packages+=(python3)
# libfaketime: one radosgw runs 20 minutes ahead, where a fresh STS session token has expired.
command -v faketime >/dev/null 2>&1 || apt_packages+=(faketime)
if [ ${#apt_packages[@]} -gt 0 ]; then
  echo "check-servers.sh: installing ${apt_packages[*]} from Debian"
  export DEBIAN_FRONTEND=noninteractive
  # Other set-up scripts may run apt at the same time: wait for its lock instead of failing.
  apt-get -o DPkg::Lock::Timeout=600 update -qq
  apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${apt_packages[@]}" >/dev/null
fi
# The Debian service units cannot start here and must not hold the default ports: the tests start their own.
for unit in docker-registry ceph-mon.target ceph-osd.target ceph-radosgw.target ceph.target; do
  systemctl stop "$unit" >/dev/null 2>&1 || true
done
/usr/bin/docker-registry --version >/dev/null
radosgw --version >/dev/null
echo "check-servers.sh: docker-registry, radosgw and ceph ready"
