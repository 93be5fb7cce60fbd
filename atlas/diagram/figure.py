"""A view's figure rasterised on a worker thread while the window is built, and
kept in the cache folder for the next start; the figure without its anatomy
layer (`figure_svg`)."""

from __future__ import annotations

import contextlib
import re
import threading
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QSize, qVersion
from PySide6.QtGui import QImage, QImageReader

#: The start of the group of a view SVG that holds its anatomy layer: the root's last
#: child (the generator writes it last, over the art; a test holds it there).
ANATOMY_GROUP = re.compile(rb'<g id="anatomy"[\s>]')


def figure_svg(path: Path, anatomy: bool) -> bytes:
    """A view's SVG, with or without its anatomy layer."""
    text = path.read_bytes()
    found = None if anatomy else ANATOMY_GROUP.search(text)
    return text if found is None else text[: found.start()] + b"</svg>\n"


class FigureRender:
    """A view's figure rasterised on a worker thread, at one size in device pixels.

    At start-up the figure is rasterised while the other panes lay out and paint:
    QImageReader renders the SVG with the GIL released, and gives the same pixels
    as QSvgRenderer. The first background paint uses the image if the figure
    still has that size, and otherwise draws it itself.

    With a cache folder, a rendered figure is kept there as a PNG (`store`, after
    the first paint), and the next start at the same window size reads it back
    instead of rendering it: most starts are at the size the window was last
    left. With a core to spare the worker hides the render; on one core, or a
    busy machine, the cache saves it.
    """

    def __init__(
        self, path: Path, size: QSize, cache: Path | None = None, *, anatomy: bool = True
    ) -> None:
        self.size = size
        self._path = path
        self._anatomy = anatomy
        self._cached = figure_cache_file(cache, path, size, anatomy) if cache is not None else None
        self._image: QImage | None = None
        #: Read back from the cache rather than rendered (known once `image` returns).
        self.from_cache = False
        self._thread = threading.Thread(target=self._run, name="figure", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        if self._cached is not None and self._cached.is_file():
            image = QImageReader(str(self._cached)).read()
            if image.size() == self.size:
                self._image = image
                self.from_cache = True
                return
        if self._anatomy:
            reader = QImageReader(str(self._path))
        else:
            try:
                svg = QByteArray(figure_svg(self._path, anatomy=False))
            except OSError:
                return
            source = QBuffer(svg)  # reads `svg` in place: both are kept until the read
            reader = QImageReader(source, b"svg")
        reader.setScaledSize(self.size)
        image = reader.read()  # a null image if the SVG plugin is missing
        self._image = None if image.isNull() else image

    def image(self, size: QSize) -> QImage | None:
        """The finished image (waiting for it if need be), or None for another size."""
        self._thread.join()
        return self._image if size == self.size else None

    def store(self) -> None:
        """Keep a freshly rendered figure in the cache, in place of the view's older
        ones (a cache that cannot be written is only a slower next start)."""
        self._thread.join()
        target = self._cached
        if self.from_cache or self._image is None or target is None:
            return
        with contextlib.suppress(OSError):
            target.parent.mkdir(parents=True, exist_ok=True)
            for old in target.parent.glob(f"{self._path.stem}-*.png"):
                old.unlink()
            partial = target.with_name(f".{target.name}")  # written whole, then renamed
            if self._image.save(str(partial)):
                partial.replace(target)


def figure_cache_file(folder: Path, svg: Path, size: QSize, anatomy: bool = True) -> Path | None:
    """The cache file of a figure: named for the SVG, its size and date, the pixel
    size, the Qt version and whether the anatomy layer is drawn, so any change to
    one of them misses it."""
    try:
        info = svg.stat()
    except OSError:
        return None
    version = qVersion().replace(".", "_")
    return folder / (
        f"{svg.stem}-{size.width()}x{size.height()}-{info.st_size}-{info.st_mtime_ns}"
        f"-qt{version}{'' if anatomy else '-plain'}.png"
    )
