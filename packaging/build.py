"""Build Tabayun's desktop bundle and the installer for the platform this runs on.

    uv run --group packaging python packaging/build.py [--smoke] [--no-installer]

1. renders packaging/icons/tabayun.svg (QtSvg, offscreen) to PNGs, tabayun.ico, tabayun.icns;
2. runs PyInstaller on packaging/tabayun.spec (one folder, windowed binary `tabayun`);
3. packages it: Linux -> dist/Tabayun-<v>-linux-<arch>.tar.gz; Windows -> Inno Setup
   installer dist/Tabayun-Setup-<v>.exe; macOS -> Tabayun.app (signed and notarised when the
   MACOS_SIGN_IDENTITY / APPLE_ID / APPLE_TEAM_ID / APPLE_APP_PASSWORD variables are set),
   dist/Tabayun-<v>-macos-<arch>.dmg and a `ditto` zip of the .app;
4. with --smoke, starts the frozen binary twice (offscreen, fresh user folders): the first run
   must create the database and import the 5 seed documents, the second must reuse it.

Everything goes to build/ and dist/ (both ignored by git).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from project import APP_ID, APP_NAME, ROOT, project_version

HERE = ROOT / "packaging"
BUILD = ROOT / "build"
DIST = ROOT / "dist"
ICONS = BUILD / "icons"
SPEC = HERE / "tabayun.spec"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)
SEED_DOCUMENTS = 5

IS_WIN = sys.platform == "win32"
IS_MAC = sys.platform == "darwin"
IS_LINUX = sys.platform.startswith("linux")


def log(msg: str) -> None:
    print(f"[build] {msg}", flush=True)


def run(cmd: list[str], **kw: object) -> None:
    log("$ " + " ".join(str(c) for c in cmd))
    subprocess.run([str(c) for c in cmd], check=True, **kw)  # type: ignore[call-overload]


def arch() -> str:
    m = platform.machine().lower()
    return {"amd64": "x86_64", "aarch64": "arm64"}.get(m, m)


# --- icons -------------------------------------------------------------------------------


def render_icons(version: str) -> None:
    """SVG -> PNGs with QtSvg (no display needed), then .ico and .icns with Pillow."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    ICONS.mkdir(parents=True, exist_ok=True)
    _app = QGuiApplication.instance() or QGuiApplication(["render-icons"])
    renderer = QSvgRenderer(str(HERE / "icons" / "tabayun.svg"))
    if not renderer.isValid():
        raise SystemExit("packaging/icons/tabayun.svg is not a valid SVG")
    pngs: dict[int, Path] = {}
    for size in PNG_SIZES:
        img = QImage(size, size, QImage.Format.Format_ARGB32)
        img.fill(Qt.GlobalColor.transparent)
        painter = QPainter(img)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter)
        painter.end()
        path = ICONS / f"tabayun_{size}.png"
        if not img.save(str(path)):
            raise SystemExit(f"could not write {path}")
        pngs[size] = path
    shutil.copy2(pngs[256], ICONS / "tabayun.png")

    images = {s: Image.open(p).convert("RGBA") for s, p in pngs.items()}
    ico_sizes = [s for s in PNG_SIZES if s <= 256]
    images[256].save(
        ICONS / "tabayun.ico",
        sizes=[(s, s) for s in ico_sizes],
        append_images=[images[s] for s in ico_sizes if s != 256],
    )
    icns_sizes = [16, 32, 64, 128, 256, 512]
    images[1024].save(ICONS / "tabayun.icns", append_images=[images[s] for s in icns_sizes])
    (ICONS / "version_info.txt").write_text(windows_version_info(version), encoding="utf-8")
    log(f"icons: {len(pngs)} PNGs, tabayun.ico, tabayun.icns in {ICONS.relative_to(ROOT)}")


def windows_version_info(version: str) -> str:
    """The VERSIONINFO resource of tabayun.exe (PyInstaller's text format)."""
    nums = [int(x) for x in re.findall(r"\d+", version)[:4]]
    nums += [0] * (4 - len(nums))
    t = tuple(nums)
    strings = {
        "CompanyName": "Tabayun developers",
        "FileDescription": APP_NAME,
        "FileVersion": version,
        "InternalName": "tabayun",
        "LegalCopyright": "GPL-3.0-or-later",
        "OriginalFilename": "tabayun.exe",
        "ProductName": APP_NAME,
        "ProductVersion": version,
    }
    entries = ",\n".join(f"          StringStruct('{k}', '{v}')" for k, v in strings.items())
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={t}, prodvers={t}, mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('040904B0', [
{entries}
    ])]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
"""


# --- PyInstaller ---------------------------------------------------------------------------


def pyinstaller() -> float:
    start = time.monotonic()
    env = dict(os.environ, TABAYUN_ICON_DIR=str(ICONS))
    run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            SPEC,
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            DIST,
            "--workpath",
            BUILD / "pyinstaller",
        ],
        cwd=ROOT,
        env=env,
    )
    return time.monotonic() - start


def bundle_dir() -> Path:
    return DIST / f"{APP_NAME}.app" if IS_MAC else DIST / "tabayun"


def frozen_binary() -> Path:
    if IS_MAC:
        return DIST / f"{APP_NAME}.app" / "Contents" / "MacOS" / "tabayun"
    return DIST / "tabayun" / ("tabayun.exe" if IS_WIN else "tabayun")


def human(n: float) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.1f} {unit}" if unit != "B" else f"{int(n)} B"
        n /= 1024
    return f"{n:.1f} GB"


def report_size(root: Path) -> int:
    """Total size on disk of the bundle (symlinks not followed) and its 10 largest files."""
    files: list[tuple[int, Path]] = []
    for dirpath, _dirs, names in os.walk(root):
        for name in names:
            p = Path(dirpath) / name
            if not p.is_symlink():
                files.append((p.stat().st_size, p))
    total = sum(s for s, _ in files)
    log(f"bundle {root.relative_to(ROOT)}: {human(total)} in {len(files)} files")
    for size, p in sorted(files, reverse=True)[:10]:
        log(f"  {human(size):>10}  {p.relative_to(root)}")
    return total


def check_linux_libraries(root: Path) -> None:
    """Every library a bundled ELF file needs is bundled or is a base system library.

    The spec drops plugins (GTK3 theme, eglfs, ...) and the libraries only they needed; this
    catches a drop that went too far. Needs `readelf` (binutils); skipped without it.
    """
    readelf = shutil.which("readelf")
    if readelf is None:
        log("readelf not found: library check skipped")
        return
    elfs = [
        p
        for p in root.rglob("*")
        if p.is_file() and not p.is_symlink() and (".so" in p.name or p.name == "tabayun")
    ]
    bundled = {p.name for p in root.rglob("*") if ".so" in p.name}
    needed: dict[str, str] = {}
    for elf in elfs:
        out = subprocess.run([readelf, "-d", str(elf)], capture_output=True, text=True).stdout
        for lib in re.findall(r"\(NEEDED\)\s+Shared library: \[(.+?)\]", out):
            needed.setdefault(lib, elf.name)
    system = sorted(set(needed) - bundled)
    log("libraries expected from the system: " + " ".join(system))
    allowed = re.compile(
        r"^(ld-linux.*|lib(c|m|dl|pthread|rt|resolv|util)\.so.*|libGL.*|libEGL.*|libOpenGL.*"
        r"|libxcb.*|libX11.*|libxkbcommon.*|libwayland-.*|libdrm.*|libgbm.*|libfontconfig.*"
        r"|libfreetype.*|libdbus-1.*|libglib-2.*|libgthread-2.*|libgobject-2.*|libgio-2.*)$"
    )
    unexpected = [f"{lib} (needed by {needed[lib]})" for lib in system if not allowed.match(lib)]
    if unexpected:
        raise SystemExit("bundle needs libraries it does not ship: " + ", ".join(unexpected))


# --- per-platform packages ----------------------------------------------------------------


def package_linux(version: str) -> Path:
    name = f"{APP_NAME}-{version}-linux-{arch()}"
    out = DIST / f"{name}.tar.gz"

    def reset(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        return info

    with tarfile.open(out, "w:gz", compresslevel=6) as tar:
        tar.add(bundle_dir(), arcname=f"{name}/tabayun", filter=reset)
        tar.add(HERE / "linux" / "tabayun.desktop", arcname=f"{name}/tabayun.desktop", filter=reset)
        tar.add(ICONS / "tabayun.png", arcname=f"{name}/tabayun.png", filter=reset)
        tar.add(HERE / "linux" / "install.sh", arcname=f"{name}/install.sh", filter=reset)
    log(f"linux archive: {out.relative_to(ROOT)} ({human(out.stat().st_size)})")
    return out


def find_iscc() -> str | None:
    found = shutil.which("iscc") or shutil.which("ISCC")
    if found:
        return found
    for base in (os.environ.get("PROGRAMFILES(X86)"), os.environ.get("PROGRAMFILES")):
        if base and (Path(base) / "Inno Setup 6" / "ISCC.exe").is_file():
            return str(Path(base) / "Inno Setup 6" / "ISCC.exe")
    return None


def package_windows(version: str) -> Path | None:
    iss = HERE / "windows" / "tabayun.iss"
    defines = [
        f"/DAppVersion={version}",
        f"/DSourceDir={bundle_dir()}",
        f"/DIconFile={ICONS / 'tabayun.ico'}",
        f"/DOutputDir={DIST}",
    ]
    iscc = find_iscc()
    if iscc is None:
        log("Inno Setup (iscc) not found: the installer was not built. Install it")
        log("  (`choco install innosetup` or https://jrsoftware.org/isdl.php), then run:")
        log("  iscc " + " ".join(f'"{d}"' for d in defines) + f' "{iss}"')
        return None
    run([iscc, *defines, iss])
    out = DIST / f"Tabayun-Setup-{version}.exe"
    log(f"windows installer: {out.relative_to(ROOT)} ({human(out.stat().st_size)})")
    return out


def package_macos(version: str) -> list[Path]:
    app = bundle_dir()
    identity = os.environ.get("MACOS_SIGN_IDENTITY", "").strip()
    if identity:
        # hardened runtime and a secure timestamp are what notarisation asks for
        run(
            [
                "codesign",
                "--force",
                "--deep",
                "--timestamp",
                "--options",
                "runtime",
                "--entitlements",
                HERE / "macos" / "entitlements.plist",
                "--sign",
                identity,
                app,
            ]
        )
        run(["codesign", "--verify", "--deep", "--strict", "--verbose=2", app])
    else:
        log("MACOS_SIGN_IDENTITY not set: the app stays ad-hoc signed (no notarisation)")

    dmg = DIST / f"{APP_NAME}-{version}-macos-{arch()}.dmg"
    dmg.unlink(missing_ok=True)
    if shutil.which("create-dmg"):
        run(
            [
                "create-dmg",
                "--volname",
                APP_NAME,
                "--window-size",
                "540",
                "360",
                "--icon-size",
                "96",
                "--icon",
                f"{APP_NAME}.app",
                "140",
                "170",
                "--app-drop-link",
                "400",
                "170",
                "--no-internet-enable",
                dmg,
                app,
            ]
        )
    else:
        stage = BUILD / "dmg"
        shutil.rmtree(stage, ignore_errors=True)
        stage.mkdir(parents=True)
        run(["ditto", app, stage / app.name])  # ditto keeps the framework symlinks
        (stage / "Applications").symlink_to("/Applications")
        run(
            [
                "hdiutil",
                "create",
                "-volname",
                APP_NAME,
                "-srcfolder",
                stage,
                "-ov",
                "-format",
                "UDZO",
                dmg,
            ]
        )
    if identity:
        run(["codesign", "--force", "--timestamp", "--sign", identity, dmg])

    apple = {
        k: os.environ.get(k, "").strip()
        for k in ("APPLE_ID", "APPLE_TEAM_ID", "APPLE_APP_PASSWORD")
    }
    if identity and all(apple.values()):
        run(
            [
                "xcrun",
                "notarytool",
                "submit",
                dmg,
                "--apple-id",
                apple["APPLE_ID"],
                "--team-id",
                apple["APPLE_TEAM_ID"],
                "--password",
                apple["APPLE_APP_PASSWORD"],
                "--wait",
            ]
        )
        run(["xcrun", "stapler", "staple", dmg])
        run(["xcrun", "stapler", "staple", app])
    else:
        log(
            "notarisation skipped (needs MACOS_SIGN_IDENTITY, APPLE_ID, APPLE_TEAM_ID, "
            "APPLE_APP_PASSWORD)"
        )

    archive = DIST / f"{APP_NAME}-{version}-macos-{arch()}.zip"
    archive.unlink(missing_ok=True)
    run(["ditto", "-c", "-k", "--sequesterRsrc", "--keepParent", app, archive])
    for p in (dmg, archive):
        log(f"macos: {p.relative_to(ROOT)} ({human(p.stat().st_size)})")
    return [dmg, archive]


# --- frozen smoke test --------------------------------------------------------------------

SMOKE_RE = re.compile(r"smoke ok \((\d+) documents in (.+?); views")


def smoke_once(binary: Path, home: Path) -> tuple[int, Path]:
    env = {k: v for k, v in os.environ.items() if k not in {"TABAYUN_DB", "XDG_CONFIG_HOME"}}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"),
    )
    if IS_WIN:
        env.update(
            USERPROFILE=str(home),
            LOCALAPPDATA=str(home / "AppData" / "Local"),
            APPDATA=str(home / "AppData" / "Roaming"),
        )
    start = time.monotonic()
    proc = subprocess.run(
        [str(binary), "--smoke"],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=300,
    )
    took = time.monotonic() - start
    out = (proc.stdout + proc.stderr).strip()
    for line in out.splitlines():
        log(f"  | {line}")
    log(f"  exit {proc.returncode} after {took:.1f} s")
    m = SMOKE_RE.search(out)
    if proc.returncode != 0 or not m:
        raise SystemExit("smoke test FAILED: no 'smoke ok' line or non-zero exit")
    return int(m.group(1)), Path(m.group(2))


def smoke() -> None:
    binary = frozen_binary()
    with tempfile.TemporaryDirectory(prefix="tabayun-smoke-") as tmp:
        home = Path(tmp).resolve()
        for sub in ("data", "config", "cache", "AppData/Local", "AppData/Roaming"):
            (home / sub).mkdir(parents=True)
        log(f"smoke run 1 (fresh user folders in {home})")
        docs1, db1 = smoke_once(binary, home)
        if docs1 != SEED_DOCUMENTS or not db1.is_file():
            raise SystemExit(f"smoke test FAILED: run 1 has {docs1} documents in {db1}")
        if home not in db1.resolve().parents:
            raise SystemExit(f"smoke test FAILED: database {db1} is outside the user folders")
        log("smoke run 2 (same user folders: the database must be reused)")
        docs2, db2 = smoke_once(binary, home)
        if db2 != db1 or docs2 != SEED_DOCUMENTS:
            raise SystemExit(
                f"smoke test FAILED: run 2 has {docs2} documents in {db2} (run 1: {db1})"
            )
        log(
            "smoke import of a saved web page, spreadsheets, a Parquet table, 7z archives"
            " and an OpenDocument text"
            " (their parsers are bundled)"
        )
        smoke_import(binary, home)
    log(f"smoke ok: both runs used {db1.name} with {SEED_DOCUMENTS} documents")


SMOKE_PAGE = """<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>دي ميستورا في جنيف - سانا</title></head><body><nav><a href="/">الرئيسية</a></nav>
<article><h1>دي ميستورا في جنيف</h1><p>قال المبعوث الأممي ستافان دي ميستورا إن جولة
المحادثات المقبلة ستبدأ في جنيف الأسبوع المقبل.</p></article></body></html>"""


#: spreadsheets the tests keep (tests/data), imported by the frozen app
SMOKE_SHEETS = ("coverage.xls", "two_sheets.ods")
#: an OpenDocument text (read with the standard library's zipfile and XML parser)
SMOKE_DOCUMENT = "geneva.odt"


def smoke_import(binary: Path, home: Path) -> None:
    from openpyxl import Workbook  # the app's own dependency, installed with it

    page = home / "page.html"
    page.write_text(SMOKE_PAGE, encoding="utf-8")
    book = Workbook()
    book.active.append(["العنوان", "النص", "المصدر"])  # type: ignore[union-attr]
    book.active.append(  # type: ignore[union-attr]
        ["الجعفري", "قال رئيس وفد الحكومة السورية بشار الجعفري إن الوفد باق في جنيف.", "سانا"]
    )
    sheet = home / "articles.xlsx"
    book.save(sheet)
    import pyarrow as pa  # the app's own dependency too
    import pyarrow.parquet as pq

    table = home / "dataset.parquet"
    pq.write_table(
        pa.Table.from_pylist(
            [
                {
                    "text": "قال المبعوث الأممي ستافان دي ميستورا إن المحادثات تبدأ غداً.",
                    "source": "سانا",
                }
            ]
        ),
        table,
    )
    # 7z archives (py7zr), compressed with codecs of compiled modules of their own
    import py7zr

    sevens = []
    for name, codec in (("zstd", py7zr.FILTER_ZSTD), ("ppmd", py7zr.FILTER_PPMD)):
        seven = home / f"{name}.7z"
        with py7zr.SevenZipFile(seven, "w", filters=[{"id": codec}]) as z:
            z.writestr(f"قال المبعوث الأممي إن المحادثات ({name}) تبدأ غداً.".encode(), "خبر.txt")
        sevens.append(seven)
    # an old Excel workbook and an OpenDocument spreadsheet (python-calamine), 2 articles each
    sheets = [ROOT / "tests" / "data" / name for name in SMOKE_SHEETS]
    proc = subprocess.run(
        [
            str(binary),
            "--db",
            str(home / "import.db"),
            "import",
            str(page),
            str(sheet),
            str(table),
            *map(str, sheets),
            *map(str, sevens),
            str(ROOT / "tests" / "data" / SMOKE_DOCUMENT),
            "--json",
        ],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(home)},
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=300,
    )
    try:
        report = json.loads(proc.stdout)
    except json.JSONDecodeError:
        report = {}
    imported, skipped = report.get("imported"), report.get("skipped")
    log(f"  exit {proc.returncode}: imported {imported}, skipped {skipped}")
    if proc.returncode != 0 or imported != 4 + 2 * len(sheets) + len(sevens):
        log(f"  | {(proc.stdout + proc.stderr).strip()[-2000:]}")
        raise SystemExit(
            "smoke test FAILED: the frozen app did not import a page, its spreadsheets, a "
            "table, 7z archives and a document"
        )


# --- main ---------------------------------------------------------------------------------


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--smoke", action="store_true", help="run the frozen app twice afterwards")
    ap.add_argument(
        "--no-installer",
        action="store_true",
        help="stop after PyInstaller (no archive, installer or DMG)",
    )
    ap.add_argument(
        "--smoke-only",
        action="store_true",
        help="only run the smoke test on the existing dist/ bundle",
    )
    args = ap.parse_args()
    if args.smoke_only:
        smoke()
        return 0

    version = project_version()
    total_start = time.monotonic()
    python = platform.python_version()
    log(f"{APP_NAME} {version} ({APP_ID}) on {sys.platform}/{arch()}, Python {python}")
    render_icons(version)
    took = pyinstaller()
    log(f"PyInstaller took {took:.1f} s")
    report_size(bundle_dir())
    if IS_LINUX:
        check_linux_libraries(bundle_dir())

    if args.smoke:
        smoke()
    if not args.no_installer:
        if IS_LINUX:
            package_linux(version)
        elif IS_WIN:
            package_windows(version)
        elif IS_MAC:
            package_macos(version)
    log(f"done in {time.monotonic() - total_start:.1f} s; artefacts in {DIST.relative_to(ROOT)}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
