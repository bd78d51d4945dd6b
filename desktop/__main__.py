"""``tabayun`` / ``python -m desktop``: the one entry point and composition root.

With a sub-command it runs headless (no Qt is imported); without one it opens the window.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path


def _interrupted_at_start() -> int:
    """Ctrl+C while the program starts: said as ``desktop.cli`` says it (which may not be
    loaded yet), with its exit status (128 + SIGINT, as the shell's own commands)."""
    sys.stderr.write("tabayun: interrupted before it began; nothing was changed\n")
    return 130


def dispatch(argv: Sequence[str] | None = None) -> int:
    try:  # its modules take a second or so to load: a Ctrl+C then changed nothing
        from desktop.cli import build_parser, run

        parser = build_parser()
        args = parser.parse_args(argv)
        if args.command is None:
            from desktop.ui.app import run_gui  # Qt only when the window is wanted
    except KeyboardInterrupt:
        return _interrupted_at_start()
    if args.command is None:
        return run_gui(args)
    return run(args, parser, renderers={"pdf": _pdf})


def _pdf(html: str, path: Path) -> None:
    from desktop.ui.reports import html_to_pdf  # Qt only when a PDF is asked for

    html_to_pdf(html, path)


def main() -> None:
    try:
        import multiprocessing

        multiprocessing.freeze_support()  # import jobs run in a child process, also frozen
    except KeyboardInterrupt:
        sys.exit(_interrupted_at_start())
    sys.exit(dispatch())


if __name__ == "__main__":
    main()
