"""``tabayun`` / ``python -m desktop``: the one entry point and composition root.

With a sub-command it runs headless (no Qt is imported); without one it opens the window.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path


def dispatch(argv: Sequence[str] | None = None) -> int:
    from desktop.cli import build_parser, run

    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from desktop.ui.app import run_gui  # Qt only when the window is wanted

        return run_gui(args)
    return run(args, parser, renderers={"pdf": _pdf})


def _pdf(html: str, path: Path) -> None:
    from desktop.ui.reports import html_to_pdf  # Qt only when a PDF is asked for

    html_to_pdf(html, path)


def main() -> None:
    import multiprocessing

    multiprocessing.freeze_support()  # import jobs run in a child process, also frozen
    sys.exit(dispatch())


if __name__ == "__main__":
    main()
