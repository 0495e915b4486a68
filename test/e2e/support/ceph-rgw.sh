#!/usr/bin/env bash
# A one-node, in-memory Ceph (Debian's Pacific) with its S3 gateway on 127.0.0.1, for the live-check suites.
# 1 mon, 1 memstore OSD, no mgr, cephx off (S3 signatures are checked by radosgw whatever cephx says).
# Usage: ceph-rgw.sh BASE_DIR STS_PORT PLAIN_PORT LATE_PORT MON_PORT ACCESS_KEY SECRET_KEY OTHER_ACCESS_KEY OTHER_SECRET_KEY
# Three gateways on one cluster: client.rgw.a with STS (session tokens; with STS on, radosgw answers every refused
# signature with AccessDenied), client.rgw.b without it (SignatureDoesNotMatch, InvalidAccessKeyId as AWS), and
# client.rgw.c like a but with its clock 20 minutes ahead (libfaketime), where a fresh session token has expired
# (GetSessionToken's shortest duration is 15 minutes).
# Users: testuser (ACCESS_KEY, may call IAM/STS once the test gives it a policy) and otheruser.
# Prints "MON_PID=.. OSD_PID=.. RGW_PIDS=.." once both gateways answer and the users exist.
set -euo pipefail
D="$1"; RGW_PORT="$2"; PLAIN_PORT="$3"; LATE_PORT="$4"; MON_PORT="$5"; AK="$6"; SK="$7"; AK2="$8"; SK2="$9"
rm -rf "$D"; mkdir -p "$D"/{run,log,mon.a,osd.0,rgw.a,rgw.b,rgw.c}
T0=$(date +%s%N)
phase() { echo "ceph-rgw.sh: $1 after $(( ($(date +%s%N) - T0) / 1000000 )) ms" >&2; }
FSID=$(cat /proc/sys/kernel/random/uuid)
C="$D/ceph.conf"
cat > "$C" <<CONF
[global]
fsid = $FSID
mon host = v1:127.0.0.1:$MON_PORT
mon initial members = a
public addr = 127.0.0.1
auth cluster required = none
auth service required = none
auth client required = none
auth supported = none
keyring = $D/keyring
run dir = $D/run
admin socket = $D/run/\$name.asok
log file = $D/log/\$name.log
pid file = $D/run/\$name.pid
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd pool default pgp num = 8
osd pool default pg autoscale mode = off
mon allow pool size one = true
mon allow pool delete = true
mon warn on pool no redundancy = false
mon max pg per osd = 1000
osd crush chooseleaf type = 0
ms bind msgr2 = false
# Bounded waits: a client (radosgw-admin, radosgw) fails instead of waiting forever for an unhealthy cluster.
client mount timeout = 60
rados mon op timeout = 60
rados osd op timeout = 60
[mon]
mon data = $D/mon.\$id
mon data avail crit = 1
mon data avail warn = 2
[osd]
osd data = $D/osd.\$id
# No crush or device-class commands from the OSD's init: they can leave before its monitor client has the monmap,
# carry a zero fsid, and be refused ('wrong fsid'), which held the OSD back for minutes on a loaded machine. The
# script places osd.0 in the crush map itself.
osd crush update on start = false
osd class update on start = false
osd objectstore = memstore
memstore device bytes = 1073741824
osd max object name len = 460
osd max object namespace len = 64
[client.rgw.a]
rgw frontends = beast endpoint=127.0.0.1:$RGW_PORT
rgw dns name = localhost
rgw data = $D/rgw.a
rgw sts key = 0123456789abcdef
rgw s3 auth use sts = true
[client.rgw.b]
rgw frontends = beast endpoint=127.0.0.1:$PLAIN_PORT
rgw dns name = localhost
rgw data = $D/rgw.b
[client.rgw.c]
rgw frontends = beast endpoint=127.0.0.1:$LATE_PORT
rgw dns name = localhost
rgw data = $D/rgw.c
rgw sts key = 0123456789abcdef
rgw s3 auth use sts = true
CONF
ceph-authtool --create-keyring "$D/keyring" --gen-key -n mon. --cap mon 'allow *' >/dev/null
ceph-authtool "$D/keyring" --gen-key -n client.admin --cap mon 'allow *' --cap osd 'allow *' --cap mgr 'allow *' >/dev/null
monmaptool --create --fsid "$FSID" --addv a "[v1:127.0.0.1:$MON_PORT]" "$D/monmap" >/dev/null
ceph-mon -c "$C" --mkfs -i a --monmap "$D/monmap" --keyring "$D/keyring"
ceph-mon -c "$C" -i a -f > "$D/log/mon.stdout" 2>&1 < /dev/null & MON_PID=$!
echo "$MON_PID" > "$D/pids"
phase "monitor started"
ceph -c "$C" --connect-timeout 30 osd create >/dev/null
ceph-osd -c "$C" -i 0 --mkfs >"$D/log/osd-mkfs.out" 2>&1
ceph -c "$C" osd crush add osd.0 1.0 host=localhost root=default >/dev/null 2>&1 || true
ceph-osd -c "$C" -i 0 -f > "$D/log/osd.stdout" 2>&1 < /dev/null & OSD_PID=$!
echo "$MON_PID $OSD_PID" > "$D/pids"
for i in $(seq 600); do ceph -c "$C" osd stat 2>/dev/null | grep -q '1 up' && break; sleep 0.1; done
phase "OSD up"
radosgw -c "$C" -n client.rgw.a -f > "$D/log/rgw-a.stdout" 2>&1 < /dev/null & RGW_PID=$!
radosgw -c "$C" -n client.rgw.b -f > "$D/log/rgw-b.stdout" 2>&1 < /dev/null & RGW2_PID=$!
# libfaketime preloaded directly (not through the faketime wrapper) so that the PID recorded is radosgw's own.
FAKETIME_LIB=$(ls /usr/lib/*/faketime/libfaketimeMT.so.1 | head -n 1)
LD_PRELOAD="$FAKETIME_LIB" FAKETIME="+20m" FAKETIME_DONT_FAKE_MONOTONIC=1 radosgw -c "$C" -n client.rgw.c -f > "$D/log/rgw-c.stdout" 2>&1 < /dev/null & RGW3_PID=$!
echo "$MON_PID $OSD_PID $RGW_PID $RGW2_PID $RGW3_PID" > "$D/pids"
for port in "$RGW_PORT" "$PLAIN_PORT" "$LATE_PORT"; do
  for i in $(seq 1200); do
    code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/" || true)
    [ "$code" = 200 ] && break
    kill -0 $RGW_PID 2>/dev/null && kill -0 $RGW2_PID 2>/dev/null && kill -0 $RGW3_PID 2>/dev/null || { echo "radosgw died" >&2; tail -30 "$D"/log/client.rgw.*.log >&2; exit 1; }
    sleep 0.1
  done
done
phase "gateways answer"
radosgw-admin -c "$C" user create --uid=testuser --display-name="Test User" --access-key="$AK" --secret-key="$SK" > "$D/user.json" 2>"$D/log/radosgw-admin.err"
# The user may call STS and IAM's PutUserPolicy (the test then allows itself sts:GetSessionToken).
radosgw-admin -c "$C" caps add --uid=testuser --caps="user-policy=*" >/dev/null 2>>"$D/log/radosgw-admin.err"
radosgw-admin -c "$C" user create --uid=otheruser --display-name="Other User" --access-key="$AK2" --secret-key="$SK2" > "$D/user2.json" 2>>"$D/log/radosgw-admin.err"
phase "users created"
echo "MON_PID=$MON_PID OSD_PID=$OSD_PID RGW_PIDS=$RGW_PID,$RGW2_PID,$RGW3_PID"
