"""Architectural invariants, checked rather than hoped for."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_core_imports_no_qt() -> None:
    code = (
        "import sys, atlas.core, atlas.core.build, atlas.core.userdata, atlas.core.search;"
        "import importlib.util as u;"
        "[__import__(m) for m in ('atlas.core.placement', 'atlas.core.anatomy')"
        " if u.find_spec(m)];"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')));"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_reference_database_is_read_only(tmp_path: Path) -> None:
    """The atlas reads its database and never writes it: a copy on a read-only file
    serves every kind of read, and its bytes are the same afterwards."""
    import hashlib
    import shutil

    from atlas.core import Atlas
    from atlas.core.cache import ensure_built

    copy = tmp_path / "reference.sqlite"
    shutil.copyfile(ensure_built(), copy)
    copy.chmod(0o444)
    before = hashlib.sha256(copy.read_bytes()).hexdigest()
    with Atlas.open(copy) as atlas:
        assert atlas.point("LI4") is not None
        assert atlas.search("hegu")[0].point.code == "LI4"
        assert atlas.table("placements", {"code": "EX-B2"})
        assert atlas.verify() == []
    assert hashlib.sha256(copy.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["reference.sqlite"]


def test_no_network_no_eval_no_unpickling() -> None:
    """The app never talks to the network, evaluates text or unpickles data."""
    import re
    from pathlib import Path

    forbidden = re.compile(
        r"\b(import (pickle|marshal|shelve|socket|urllib|http|requests)|from (pickle|socket|urllib"
        r"|http) import|QtNetwork|QNetworkAccessManager|(?<![.\w])(eval|exec)\(|pickle\.loads?)"
    )
    package = Path(__file__).resolve().parent.parent / "atlas"
    offenders = [
        f"{path.relative_to(package)}:{n}"
        for path in package.rglob("*.py")
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if forbidden.search(line)
    ]
    assert offenders == []
