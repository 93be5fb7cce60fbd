"""Load and kill runs on the user's store: processes writing notes and plans at once.

    python tests/userdata_load.py load [SECONDS] [PROCESSES]   # figures for the closing note
    python tests/userdata_load.py kill [KILLS]

A worker prints a line for every write the store acknowledged (the call
returned): `n CODE` for a note, `p NAME` for a new plan, `s VERSION` for an
update of the one plan all workers share (read, add a point, save with the
version read). At the end it prints `end REFUSED CONFLICTS RAW`: UserDataErrors
(the store was busy for longer than its timeout), plan conflicts (another
worker saved the shared plan first), and anything raw (any other exception).
The checker then opens the store and looks for every acknowledged write.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path

SHARED = "shared"


def note_text(code: str) -> str:
    return f"note {code}: " + "de qi " * 20


def worker(folder: str, name: str, seconds: float) -> int:
    from atlas.core.userdata import Plan, PlanConflict, UserData, UserDataError

    refused = conflicts = raw = 0
    store = UserData.open(folder)
    if not store.writable:
        print(f"health {store.health.state}: {store.health.message}", file=sys.stderr)
    deadline = time.monotonic() + seconds
    i = 0
    while time.monotonic() < deadline:
        i += 1
        try:
            if i % 5 == 0:
                shared = store.plan(SHARED)
                if shared is None:
                    with suppress(UserDataError):  # another worker made it first
                        store.save_plan(Plan(None, SHARED, (), "shared by every worker"))
                    continue
                saved = store.save_plan(shared.with_codes((*shared.codes, f"{name}-{i}")))
                print(f"s {saved.version}", flush=True)
            elif i % 7 == 0:
                plan_name = f"{name}-plan-{i}"
                store.save_plan(Plan(None, plan_name, ("LI4", "ST36"), f"notes {i}"))
                print(f"p {plan_name}", flush=True)
            else:
                code = f"{name}-{i}"
                store.set_note(code, note_text(code))
                print(f"n {code}", flush=True)
            store.note(f"{name}-{i - 1}")  # reads under load too
            store.is_favourite("LI4")
        except PlanConflict:
            conflicts += 1
        except UserDataError:
            refused += 1
        except Exception as exc:  # the point of the run: none of these
            raw += 1
            print(f"raw {type(exc).__name__}: {exc}", file=sys.stderr, flush=True)
    store.close()
    print(f"end {refused} {conflicts} {raw}", flush=True)
    return 0


@dataclass
class Acks:
    notes: list[str] = field(default_factory=list)
    plans: list[str] = field(default_factory=list)
    shared: list[int] = field(default_factory=list)
    refused: int = 0
    conflicts: int = 0
    raw: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, output: str, errors: str) -> None:
        for line in output.splitlines():
            kind, _, value = line.partition(" ")
            if kind == "n":
                self.notes.append(value)
            elif kind == "p":
                self.plans.append(value)
            elif kind == "s":
                self.shared.append(int(value))
            elif kind == "end":
                refused, conflicts, raw = (int(v) for v in value.split())
                self.refused += refused
                self.conflicts += conflicts
                self.raw += raw
        self.errors += [line for line in errors.splitlines() if line.strip()]

    @property
    def total(self) -> int:
        return len(self.notes) + len(self.plans) + len(self.shared)


def lost(folder: Path, acks: Acks, killed: bool = False) -> list[str]:
    """Acknowledged writes the store does not hold (opening it must also be clean).

    After kills a write may have been saved without being acknowledged, so the
    shared plan may be ahead of its acknowledged updates, never behind.
    """
    from atlas.core.userdata import UserData

    missing: list[str] = []
    with UserData.open(folder) as store:
        if store.health.state != "ok":
            missing.append(f"store opened as {store.health.state}: {store.health.message}")
        missing += [c for c in acks.notes if store.note(c) != note_text(c)]
        missing += [n for n in acks.plans if store.plan(n) is None]
        if acks.shared:
            shared = store.plan(SHARED)
            if shared is None:
                missing.append("the shared plan")
            else:
                # each acknowledged update added one point and one version, and no
                # two updates acknowledged the same version
                if len(set(acks.shared)) != len(acks.shared):
                    missing.append("two shared-plan updates acknowledged the same version")
                version = shared.version or 0
                behind = version < 1 + len(acks.shared) or len(shared.codes) < len(acks.shared)
                ahead = version != 1 + len(acks.shared) and not killed
                if behind or ahead:
                    missing.append(
                        f"shared plan: version {shared.version}, {len(shared.codes)} points"
                        f" after {len(acks.shared)} acknowledged updates"
                    )
    return missing


def _command(folder: Path, name: str, seconds: float) -> list[str]:
    return [sys.executable, __file__, "worker", str(folder), name, str(seconds)]


def child_env() -> dict[str, str]:
    root = str(Path(__file__).resolve().parent.parent)
    return {**os.environ, "PYTHONPATH": root + os.pathsep + os.environ.get("PYTHONPATH", "")}


def load(folder: Path, seconds: float, processes: int = 4) -> Acks:
    """`processes` workers writing at once for `seconds`."""
    workers = [
        subprocess.Popen(
            _command(folder, f"w{n}", seconds),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=child_env(),
        )
        for n in range(processes)
    ]
    acks = Acks()
    for process in workers:
        out, err = process.communicate(timeout=seconds + 120)
        acks.add(out, err)
        if process.returncode != 0:
            acks.errors.append(f"worker exited with {process.returncode}")
    return acks


def kill_run(folder: Path, kills: int, seed: int = 17) -> tuple[Acks, list[str]]:
    """Start a writer, kill -9 it in the middle of its writes, check; `kills` times."""
    rng = random.Random(seed)
    acks = Acks()
    problems: list[str] = []
    for n in range(kills):
        process = subprocess.Popen(
            _command(folder, f"k{n}", 30.0),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=child_env(),
        )
        assert process.stdout is not None
        # wait for the first acknowledged write, then kill at a random moment after it
        first = process.stdout.readline()
        time.sleep(rng.uniform(0.0, 0.25))
        process.send_signal(signal.SIGKILL)
        out, err = process.communicate(timeout=60)
        acks.add(first + out, err)
        problems += [p for p in lost(folder, acks, killed=True) if p not in problems]
    return acks, problems


def _report(acks: Acks, missing: list[str], what: str) -> None:
    print(
        f"{what}: {acks.total} acknowledged writes ({len(acks.notes)} notes,"
        f" {len(acks.plans)} new plans, {len(acks.shared)} shared-plan updates);"
        f" lost {len(missing)}; raw errors {acks.raw}; refused (UserDataError) {acks.refused};"
        f" plan conflicts {acks.conflicts}"
    )
    for line in (missing + acks.errors)[:20]:
        print("  ", line)


def main(argv: list[str]) -> int:
    import tempfile

    if argv and argv[0] == "worker":
        return worker(argv[1], argv[2], float(argv[3]))
    mode = argv[0] if argv else "load"
    with tempfile.TemporaryDirectory(prefix="atlas-load-") as folder:
        if mode == "kill":
            kills = int(argv[1]) if len(argv) > 1 else 100
            acks, missing = kill_run(Path(folder), kills)
            _report(acks, missing, f"kill run, {kills} kills")
        else:
            seconds = float(argv[1]) if len(argv) > 1 else 20.0
            processes = int(argv[2]) if len(argv) > 2 else 4
            acks = load(Path(folder), seconds, processes)
            missing = lost(Path(folder), acks)
            _report(acks, missing, f"load run, {processes} processes for {seconds:g} s")
    return 0 if not missing and not acks.raw else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
