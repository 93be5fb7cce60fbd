"""Render every view of the diagram to PNG through the real widget, to look at.

    python tests/render_views.py [OUT] [--zoom 2] [--view back] [--channel BL] [--select BL23]

For each view it writes OUT/<view>.png with every channel shown, and
OUT/<view>-<CH>.png for each channel the view shows, that channel alone (the
others hidden); `--select` opens a point first (its ring, label and measuring
guide), `--no-anatomy` leaves the anatomy layer out. The widget is sized so that
the whole view shows at the zoom asked for: a full-body view is 760 pixels wide
at zoom 1, a detail view 1000. OUT defaults to a new folder under /tmp.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from atlas.core import Atlas  # noqa: E402
from atlas.diagram.view import DiagramView  # noqa: E402

MARGIN = 16  # the fitted view keeps this many pixels free around the figure


def settle(app: QApplication) -> None:
    for _ in range(10):
        app.processEvents()


def render(
    view: DiagramView, app: QApplication, out: Path, channels: list[str], shown: str | None
) -> None:
    """Show one channel (or all of them: `shown` None) and save the widget's picture."""
    for code in channels:
        view.set_channel_visible(code, shown is None or code == shown)
    view.fit()
    settle(app)
    view.layout_labels()
    settle(app)
    view.grab().save(str(out))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path)
    parser.add_argument("--zoom", type=float, default=2.0)
    parser.add_argument("--view", action="append", help="only this view (again for more)")
    parser.add_argument("--channel", action="append", help="only this channel alone")
    parser.add_argument("--all-only", action="store_true", help="only the all-channel pictures")
    parser.add_argument("--select", help="open this point first")
    parser.add_argument("--no-anatomy", action="store_true", help="without the anatomy layer")
    args = parser.parse_args()
    out: Path = args.out or Path(tempfile.mkdtemp(prefix="atlas-views-"))
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    with Atlas.open() as atlas:
        channels = [c.code for c in atlas.channels()]
        view = DiagramView(atlas)
        view.state.set_anatomy(not args.no_anatomy)
        view.show()
        for view_id in args.view or view.views():
            info = view.view_info(view_id)
            if info is None:
                print(f"no view {view_id!r}", file=sys.stderr)
                return 1
            scale = (760 if info.is_body else 1000) / info.width * args.zoom
            view.resize(round(info.width * scale) + MARGIN, round(info.height * scale) + MARGIN)
            view.set_view(view_id)
            if args.select:
                view.select(args.select, centre=False)
            on_view = {m.channel for m in view.markers()} | set(view.pathway_channels())
            suffix = f"-{args.select}" if args.select else ""
            render(view, app, out / f"{view_id}{suffix}.png", channels, None)
            if not args.all_only:
                for code in args.channel or [c for c in channels if c in on_view]:
                    render(view, app, out / f"{view_id}{suffix}-{code}.png", channels, code)
            print(view_id, flush=True)
        view.close()
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
