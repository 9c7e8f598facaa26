#!/usr/bin/env bash
# Runs the Accredit badge benchmark and, right after it on the same machine,
# the ReportLab peer (shared/peers/reportlab_badges.py), then prints the ratio
# of badges per second and of PDF sizes.
#
#   benches/compare_with_peer.sh [N] [PEER_DIR]   (PEER_DIR: ../shared/peers)
#
# Needs the peer's setup (shared/peers/README.md):
#   pip install reportlab==5.1.0 pillow==13.0.0 qrcode==8.2
#   apt-get install -y fonts-noto-core fonts-dejavu-core
#
# Like for like: the peer draws every badge with one shared 300 x 400 photo,
# Latin/Cyrillic names and a ~100-byte QR payload; the "1photo" Accredit runs
# do the same (with names in ten scripts). The "1000 photos" runs are the
# realistic case: every participant has a distinct photo.
#
# Times compared: Accredit's render_pdf() call against the peer's own
# "seconds_in_python" (from its start to the saved file), and each whole
# process (wall clock, peak RSS from /usr/bin/time).
set -euo pipefail

N="${1:-1000}"
# Everything is relative to this checkout: the peer lives at ../shared/peers
# beside the repository, and cargo builds in the checkout's own target/
# (or CARGO_TARGET_DIR when set).
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PEER_DIR="${2:-$ROOT/../shared/peers}"
[ -f "$PEER_DIR/reportlab_badges.py" ] || { echo "no reportlab_badges.py in $PEER_DIR: give the peer's folder as the second argument" >&2; exit 2; }
OUT="$(mktemp -d)"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"

cd "$ROOT"
# Release benches need a GUI renderer feature for the iced_test dev-dependency,
# which the default features provide.
cargo bench --bench badges --no-run >/dev/null 2>&1
BIN="$(ls -t "$CARGO_TARGET_DIR"/release/deps/badges-* | grep -v '\.d$' | head -1)"

measure() { # label, command...
    local label="$1"; shift
    /usr/bin/time -f "%e %M" -o "$OUT/time" "$@" >"$OUT/stdout" 2>"$OUT/stderr" || { cat "$OUT/stderr"; exit 1; }
    read -r wall rss_kb <"$OUT/time"
    echo "$label wall=$wall peak_rss_mib=$((rss_kb / 1024))"
}

echo "# $(date -u +%FT%TZ) $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
declare -A ours_bps ours_bytes ours_wall
for layout in a6 a4x4; do
    for photos in 1photo many; do
        args=("$N" "$layout")
        [ "$photos" = 1photo ] && args+=(1photo)
        measure "accredit-process $layout $photos" "$BIN" "${args[@]}"
        line="$(grep '^accredit ' "$OUT/stdout")"
        echo "$line"
        ours_bps[$layout-$photos]="$(sed -E 's/.*badges_per_second=([0-9.]+).*/\1/' <<<"$line")"
        ours_bytes[$layout-$photos]="$(sed -E 's/.* bytes=([0-9]+).*/\1/' <<<"$line")"
        ours_wall[$layout-$photos]="$(cut -d' ' -f1 "$OUT/time")"
    done
done

for layout in a6 a4x4; do
    per=1
    [ "$layout" = a4x4 ] && per=4
    measure "peer-process $layout" python3 "$PEER_DIR/reportlab_badges.py" "$N" "$OUT/peer-$layout.pdf" --per-a4 "$per"
    peer_line="$(grep '^badges=' "$OUT/stderr")"
    echo "peer $peer_line"
    peer_seconds="$(sed -E 's/.*seconds_in_python=([0-9.]+).*/\1/' <<<"$peer_line")"
    peer_bytes="$(sed -E 's/.* bytes=([0-9]+).*/\1/' <<<"$peer_line")"
    peer_wall="$(cut -d' ' -f1 "$OUT/time")"
    python3 - "$N" "$layout" "$peer_seconds" "$peer_bytes" "$peer_wall" \
        "${ours_bps[$layout-1photo]}" "${ours_bytes[$layout-1photo]}" "${ours_wall[$layout-1photo]}" \
        "${ours_bps[$layout-many]}" "${ours_bytes[$layout-many]}" <<'EOF'
import sys
n, layout = int(sys.argv[1]), sys.argv[2]
peer_s, peer_bytes, peer_wall = float(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5])
bps1, bytes1, wall1, bpsm, bytesm = float(sys.argv[6]), int(sys.argv[7]), float(sys.argv[8]), float(sys.argv[9]), int(sys.argv[10])
peer_bps = n / peer_s
print(f"ratio {layout}: peer {peer_bps:.1f} badges/s, {peer_bytes/1e6:.2f} MB | "
      f"accredit 1 photo {bps1:.0f} badges/s = {bps1/peer_bps:.0f}x, {bytes1/1e6:.2f} MB = {bytes1/peer_bytes:.2f} of peer | "
      f"accredit {min(n,1000)} photos {bpsm:.0f} badges/s = {bpsm/peer_bps:.0f}x, {bytesm/1e6:.2f} MB | "
      f"whole process (1 photo) {peer_wall/max(wall1,1e-9):.0f}x")
EOF
done
rm -rf "$OUT"
