"""The figure as pixels: rendered once per view, size and anatomy layer and
kept while in use (`FigureCache`, so that a zoom the user has been at before,
or a scroll, only copies pixels), rasterised on a worker thread; the first
figure of a start, kept in the cache folder for the next (`FigureRender`); the
figure without its anatomy layer (`figure_svg`)."""

from __future__ import annotations

import atexit
import contextlib
import os
import re
import threading
import weakref
from collections import OrderedDict
from pathlib import Path
from typing import NamedTuple

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


#: Whether the first figure of a start is kept in, and read back from, the cache
#: folder; `ATLAS_NO_FIGURE_CACHE=1` (read once, at start-up) turns that off, so
#: that the bench can weigh it.
PNG_CACHE = os.environ.get("ATLAS_NO_FIGURE_CACHE") != "1"


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
        self._image = rasterise(self._path, self.size, self._anatomy)

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


def rasterise(path: Path, size: QSize, anatomy: bool = True) -> QImage | None:
    """The whole figure as an image of this size (transparent around the body), or
    None if it cannot be drawn. Any thread: the render runs with the GIL released."""
    if anatomy:
        reader = QImageReader(str(path))
    else:
        try:
            svg = QByteArray(figure_svg(path, anatomy=False))
        except OSError:
            return None
        source = QBuffer(svg)  # reads `svg` in place: both are kept until the read
        reader = QImageReader(source, b"svg")
    reader.setScaledSize(size)
    image = reader.read()  # a null image if the SVG plugin is missing
    return None if image.isNull() else image


class FigureKey(NamedTuple):
    """One rendering of a figure: the view's SVG, its size in device pixels, the
    anatomy layer on or off."""

    path: Path
    width: int
    height: int
    anatomy: bool

    def size(self) -> QSize:
        return QSize(self.width, self.height)


class FigureCache:
    """Figures rendered at the sizes in use, each at most once while it is kept.

    `image` gives a finished rendering or None at once (never waits); `request`
    has one rendered on a worker thread (the newest request first; beyond
    `WAITING` the oldest still waiting are dropped). The least recently used
    renderings go once they hold more than `budget` bytes; one larger than a
    quarter of it is not made at all (the view draws that zoom from the SVG).
    """

    WAITING = 4

    def __init__(self, budget: int = 64 * 1024 * 1024) -> None:
        self.budget = budget
        self._images: OrderedDict[FigureKey, QImage] = OrderedDict()
        self._wanted: list[FigureKey] = []
        self._busy: FigureKey | None = None
        self._lock = threading.Lock()
        self._worker: threading.Thread | None = None
        _CACHES.add(self)

    def fits(self, key: FigureKey) -> bool:
        """Whether a rendering of that size is kept."""
        return key.width * key.height * 4 <= self.budget // 4

    def image(self, key: FigureKey) -> QImage | None:
        with self._lock:
            found = self._images.get(key)
            if found is not None:
                self._images.move_to_end(key)
            return found

    def kept(self) -> list[FigureKey]:
        """The renderings kept, the least recently used first."""
        with self._lock:
            return list(self._images)

    def clear(self) -> None:
        """Drop every rendering kept (the view then draws from the SVG again)."""
        with self._lock:
            self._images.clear()

    def put(self, key: FigureKey, image: QImage) -> None:
        """Keep a rendering made elsewhere (the first figure of a start)."""
        if self.fits(key):
            with self._lock:
                self._keep(key, image)

    def request(self, key: FigureKey) -> None:
        """Have the figure rendered at that size on the worker, unless it is kept,
        being rendered or too large."""
        if not self.fits(key):
            return
        with self._lock:
            if key in self._images or key == self._busy:
                return
            if key in self._wanted:
                self._wanted.remove(key)
            self._wanted.insert(0, key)
            del self._wanted[self.WAITING :]
            if self._worker is None:
                self._worker = threading.Thread(target=self._work, name="figures", daemon=True)
                self._worker.start()

    def close(self) -> None:
        """Drop the renderings still waiting and wait for the one under way (before
        Python exits: Qt rendering on a thread while it is torn down aborts the
        process, so every cache is closed at exit)."""
        with self._lock:
            self._wanted.clear()
        self.wait()

    def wait(self) -> None:
        """Until the worker has rendered everything requested (for tests and the bench)."""
        worker = self._worker
        if worker is not None:
            worker.join()

    def _work(self) -> None:
        while True:
            with self._lock:
                if not self._wanted:
                    self._worker = None
                    return
                key = self._busy = self._wanted.pop(0)
            image = rasterise(key.path, key.size(), key.anatomy)
            with self._lock:
                self._busy = None
                if image is not None:
                    self._keep(key, image)

    def _keep(self, key: FigureKey, image: QImage) -> None:
        """(Under the lock.)"""
        self._images[key] = image
        self._images.move_to_end(key)
        total = sum(i.sizeInBytes() for i in self._images.values())
        while total > self.budget and len(self._images) > 1:
            _, dropped = self._images.popitem(last=False)
            total -= dropped.sizeInBytes()


_CACHES: weakref.WeakSet[FigureCache] = weakref.WeakSet()


@atexit.register  # before PySide6's own exit handler, registered when it was imported
def _close_caches() -> None:
    for cache in list(_CACHES):
        cache.close()


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
