#!/bin/sh
# Install Tabayun for the current user from the unpacked archive (no root needed):
#   ./install.sh            -> ~/.local/opt/tabayun, ~/.local/bin/tabayun, menu entry, icon
#   ./install.sh --uninstall  (the database in ~/.local/share/Tabayun is kept)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
prefix=${PREFIX:-$HOME/.local}
data=${XDG_DATA_HOME:-$HOME/.local/share}
if [ "${1:-}" = "--uninstall" ]; then
  rm -rf "$prefix/opt/tabayun" "$prefix/bin/tabayun" "$data/applications/tabayun.desktop" \
         "$data/icons/hicolor/256x256/apps/tabayun.png"
  echo "Tabayun removed (your database in $data/Tabayun is kept)."
  exit 0
fi
mkdir -p "$prefix/opt" "$prefix/bin" "$data/applications" "$data/icons/hicolor/256x256/apps"
rm -rf "$prefix/opt/tabayun"
cp -a "$here/tabayun" "$prefix/opt/tabayun"
ln -sf "$prefix/opt/tabayun/tabayun" "$prefix/bin/tabayun"
sed "s|^Exec=tabayun|Exec=$prefix/bin/tabayun|" "$here/tabayun.desktop" > "$data/applications/tabayun.desktop"
cp "$here/tabayun.png" "$data/icons/hicolor/256x256/apps/tabayun.png"
if command -v update-desktop-database >/dev/null 2>&1; then
  update-desktop-database "$data/applications" || true
fi
echo "Tabayun installed: run 'tabayun' or find it in the applications menu."
