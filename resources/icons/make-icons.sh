#!/usr/bin/env bash
# Regenerates every raster icon from icon.svg (our own artwork). The outputs are committed, so
# building and testing never need these tools; run this only after editing icon.svg.
# Needs Debian's librsvg2-bin (rsvg-convert), icnsutils (png2icns) and icoutils (icotool).
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p png
# Linux (AppImage/deb hicolor theme): one PNG per size, named WxH.png.
for s in 16 24 32 48 64 128 256 512 1024; do
  rsvg-convert -w "$s" -h "$s" icon.svg -o "png/${s}x${s}.png"
done
cp png/512x512.png icon.png
# Windows (NSIS, exe, shortcuts): a multi-size .ico, 256 stored as PNG.
icotool -c -o icon.ico png/16x16.png png/24x24.png png/32x32.png png/48x48.png png/64x64.png png/128x128.png -r png/256x256.png
# macOS (dmg, .app): .icns with the sizes png2icns supports (16, 32, 128, 256, 512, 1024).
png2icns icon.icns png/16x16.png png/32x32.png png/128x128.png png/256x256.png png/512x512.png png/1024x1024.png >/dev/null
echo "icons written: $(ls png | tr '\n' ' ') icon.png icon.ico icon.icns"
